// The host's attendance charts: the registration funnel and attendees over time, drawn with Chart.js
// (loaded from its webjar before this script) from the numbers the page carries in data attributes.
(function () {
  'use strict';

  function numbers(text) {
    return (text || '').split(',').filter(function (part) { return part !== ''; }).map(Number);
  }

  function draw() {
    if (typeof window.Chart === 'undefined') {
      return; // no charts; the table and the funnel sentence still say everything
    }
    var funnel = document.getElementById('funnel-chart');
    if (funnel) {
      new window.Chart(funnel, {
        type: 'bar',
        data: {
          labels: funnel.dataset.labels.split('|'),
          datasets: [{ data: numbers(funnel.dataset.values), backgroundColor: ['#94a3b8', '#60a5fa', '#2563eb'] }]
        },
        options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    }
    var timeline = document.getElementById('timeline-chart');
    if (timeline && timeline.dataset.from) {
      var from = new Date(timeline.dataset.from).getTime();
      var values = numbers(timeline.dataset.values);
      var labels = values.map(function (_, minute) {
        return new Date(from + minute * 60000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      });
      new window.Chart(timeline, {
        type: 'line',
        data: { labels: labels, datasets: [{ label: timeline.dataset.label, data: values, borderColor: '#2563eb', stepped: true }] },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    }
    document.body.setAttribute('data-charts', 'drawn');
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
