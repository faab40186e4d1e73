// The studio's moderator picker: the hosts of the host's own organisation (read from Keycloak by the
// server), ticked when they moderate this webinar; saving replaces the list.
(function () {
  'use strict';
  const card = document.getElementById('moderators');
  if (!card) { return; }
  const url = '/host/webinars/' + card.dataset.webinar + '/moderators';
  const list = document.getElementById('moderator-candidates');
  const status = document.getElementById('moderators-status');
  const save = document.getElementById('moderators-save');

  function show(candidates) {
    if (!candidates.length) {
      const item = document.createElement('li');
      item.className = 'muted';
      item.textContent = card.dataset.nobody;
      list.replaceChildren(item);
      return;
    }
    list.replaceChildren(...candidates.map(candidate => {
      const item = document.createElement('li');
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = candidate.userId;
      box.checked = candidate.moderator;
      box.setAttribute('data-testid', 'moderator-' + candidate.userId);
      label.append(box, ' ' + candidate.displayName);
      item.appendChild(label);
      return item;
    }));
  }

  async function problem(response) {
    const body = await response.json().catch(() => ({}));
    status.textContent = body.detail || ('HTTP ' + response.status);
  }

  save.addEventListener('click', async () => {
    status.textContent = '';
    const userIds = [...list.querySelectorAll('input[type=checkbox]:checked')].map(box => box.value);
    const response = await fetch(url, {method: 'PUT', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({userIds})});
    if (response.ok) {
      show(await response.json());
      status.textContent = card.dataset.saved;
    } else {
      await problem(response);
    }
  });

  fetch(url).then(async response => {
    if (response.ok) { show(await response.json()); } else { await problem(response); }
  }).catch(() => {});
})();
