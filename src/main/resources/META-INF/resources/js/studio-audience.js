// The studio's audience card: viewers now (WebRTC vs HLS, per app node) and the session's peak, polled
// every few seconds (each app node reports its counts to the database), and the stage pin: the
// publishers' videos, one of which the host may pin for WebRTC viewers.
(function () {
  'use strict';
  const card = document.getElementById('audience');
  const studio = document.getElementById('studio');
  if (!card || !studio) { return; }
  const room = studio.dataset.room;
  const nodes = document.getElementById('audience-nodes');
  const videos = document.getElementById('stage-videos');
  const error = document.getElementById('studio-error');
  let shown = null;

  function cell(text) {
    const td = document.createElement('td');
    td.textContent = text;
    return td;
  }

  function button(text, testId, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'button ghost small';
    b.textContent = text;
    b.setAttribute('data-testid', testId);
    b.addEventListener('click', onClick);
    return b;
  }

  async function pin(video) {
    const response = await fetch('/host/studio/rooms/' + room + '/stage', {method: 'PUT',
      headers: {'Content-Type': 'application/json'}, body: JSON.stringify({video: video})});
    if (response.ok) {
      show(await response.json());
    } else {
      const problem = await response.json().catch(() => ({}));
      error.textContent = problem.detail || ('HTTP ' + response.status);
    }
  }

  function show(view) {
    document.getElementById('audience-total').textContent = view.webrtc + view.hls;
    document.getElementById('audience-webrtc').textContent = view.webrtc;
    document.getElementById('audience-hls').textContent = view.hls;
    document.getElementById('audience-peak').textContent = view.peak;
    if (!view.nodes.length) {
      const row = document.createElement('tr');
      const td = cell(card.dataset.nobody);
      td.colSpan = 3;
      row.appendChild(td);
      nodes.replaceChildren(row);
    } else {
      nodes.replaceChildren(...view.nodes.map(node => {
        const row = document.createElement('tr');
        row.dataset.node = node.node;
        row.append(cell(node.node), cell(node.webrtc), cell(node.hls));
        return row;
      }));
    }
    const withVideo = view.publishers.filter(publisher => publisher.video);
    // Redrawn only when it changed, so that a button is not replaced under the host's pointer.
    const key = JSON.stringify([withVideo.map(publisher => publisher.id), view.pinned]);
    if (key === shown) { return; }
    shown = key;
    if (!withVideo.length) {
      const item = document.createElement('li');
      item.className = 'muted';
      item.textContent = card.dataset.none;
      videos.replaceChildren(item);
      return;
    }
    videos.replaceChildren(...withVideo.map((publisher, i) => {
      const item = document.createElement('li');
      item.dataset.publisher = publisher.id;
      item.setAttribute('data-testid', 'stage-video');
      const since = new Date(publisher.startedAt).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
      const label = document.createElement('span');
      label.textContent = card.dataset.video.replace('%i', i + 1).replace('%t', publisher.tracks).replace('%s', since) + ' ';
      item.appendChild(label);
      if (view.pinned === publisher.id) {
        const pinned = document.createElement('strong');
        pinned.textContent = card.dataset.pinned + ' ';
        item.append(pinned, button(card.dataset.unpin, 'unpin', () => pin(null)));
      } else {
        item.appendChild(button(card.dataset.pin, 'pin', () => pin(publisher.id)));
      }
      return item;
    }));
  }

  async function refresh() {
    try {
      const response = await fetch('/host/studio/rooms/' + room + '/audience');
      if (response.ok) { show(await response.json()); }
    } catch (e) { /* the next poll tries again */ }
  }

  refresh();
  setInterval(() => { if (!document.hidden) { refresh(); } }, 3000);
})();
