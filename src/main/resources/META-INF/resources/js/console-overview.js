// The console home's platform charts: live rooms per hour and per day, refused transfers per day, drawn with
// Chart.js (loaded from its webjar before this script) from the numbers each canvas carries in data attributes.
(function () {
  'use strict';

  function labels(count, unit) {
    var now = new Date();
    var step = unit === 'hour' ? 3600000 : 86400000;
    var out = [];
    for (var i = count - 1; i >= 0; i--) {
      var at = new Date(now.getTime() - i * step);
      out.push(unit === 'hour' ? at.toLocaleTimeString([], { hour: '2-digit' }) : at.toLocaleDateString([], { month: '2-digit', day: '2-digit' }));
    }
    return out;
  }

  function draw() {
    if (typeof window.Chart === 'undefined') {
      return; // no charts; the figures above still say what matters
    }
    var drawn = 0;
    ['rooms-24h', 'rooms-30d', 'refusals-30d'].forEach(function (id) {
      var canvas = document.getElementById(id);
      if (!canvas) {
        return;
      }
      var values = (canvas.dataset.values || '').split(',').filter(function (part) { return part !== ''; }).map(Number);
      new window.Chart(canvas, {
        type: id === 'rooms-30d' ? 'line' : 'bar',
        data: {
          labels: labels(values.length, canvas.dataset.unit),
          datasets: [{ label: canvas.dataset.label, data: values, borderColor: '#2563eb', backgroundColor: id === 'refusals-30d' ? '#dc2626' : '#60a5fa' }]
        },
        options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
      drawn++;
    });
    document.body.setAttribute('data-charts', drawn === 3 ? 'drawn' : 'partial');
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
