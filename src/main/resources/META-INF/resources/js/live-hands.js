// Hands tab of the live panel: attendees raise and lower their own hand; moderators see the queue in
// raise order and lower anyone's. Plugs into window.PlenumLive (live.js); without it, it does nothing.
(function () {
  'use strict';
  if (!window.PlenumLive || typeof window.PlenumLive.register !== 'function') { return; }

  // Fallback texts when the page's live.t() has none; the source is aud:live_hand_* (AudienceMessages, aud_de).
  const FALLBACK = {
    en: {
      live_hand_tab: 'Hands', live_hand_raise: 'Raise hand', live_hand_lower: 'Lower hand',
      live_hand_up: 'Your hand is up.', live_hand_down: 'Your hand is down.', live_hand_queue: 'Raised hands',
      live_hand_empty: 'No hands raised.', live_hand_new: 'raised a hand', live_hand_refused: 'That did not work'
    },
    de: {
      live_hand_tab: 'Handzeichen', live_hand_raise: 'Hand heben', live_hand_lower: 'Hand senken',
      live_hand_up: 'Ihre Hand ist oben.', live_hand_down: 'Ihre Hand ist unten.', live_hand_queue: 'Gehobene Hände',
      live_hand_empty: 'Keine Hand gehoben.', live_hand_new: 'hebt die Hand', live_hand_refused: 'Das hat nicht geklappt'
    }
  };

  function text(live, key) {
    const given = live && typeof live.t === 'function' ? live.t(key) : null;
    if (given && given !== key) { return given; }
    const rendered = document.getElementById('live-interaction-texts'); // tags/liveInteractionTexts.html
    if (rendered && rendered.dataset[key]) { return rendered.dataset[key]; }
    const lang = (document.documentElement.lang || 'en').slice(0, 2);
    return (FALLBACK[lang] || FALLBACK.en)[key] || FALLBACK.en[key] || key;
  }

  function element(tag, className, content) {
    const node = document.createElement(tag);
    if (className) { node.className = className; }
    if (content !== undefined) { node.textContent = content; }
    return node;
  }

  function moderates(live) {
    return !!(live.you && live.you.role && live.you.role !== 'ATTENDEE');
  }

  let mine = false;
  let queue = []; // moderators only: {participantId, displayName, raisedAt}, first raised first
  let view = null;

  function send(live, frame) {
    view.status.textContent = '';
    const refuse = error => {
      view.status.textContent = text(live, 'live_hand_refused') + (error && error.message ? ': ' + error.message : '');
      return false;
    };
    return Promise.resolve(live.send(frame)).then(reply => (reply && reply.type === 'error') ? refuse(reply) : true, refuse);
  }

  function render(live) {
    if (!view) { return; }
    view.toggle.textContent = text(live, mine ? 'live_hand_lower' : 'live_hand_raise');
    view.toggle.setAttribute('aria-pressed', mine ? 'true' : 'false');
    view.own.textContent = text(live, mine ? 'live_hand_up' : 'live_hand_down');
    if (!view.queue) { return; }
    view.queue.replaceChildren(...queue.map(hand => {
      const li = element('li', 'live-hand');
      li.dataset.participantId = hand.participantId;
      li.dataset.testid = 'live-hand';
      const lower = element('button', 'button ghost small', text(live, 'live_hand_lower'));
      lower.type = 'button';
      lower.setAttribute('aria-label', text(live, 'live_hand_lower') + ': ' + hand.displayName);
      lower.addEventListener('click', () => send(live, { type: 'hand.lower', participantId: hand.participantId }));
      li.append(element('span', null, hand.displayName), lower);
      return li;
    }));
    view.empty.hidden = queue.length > 0;
    live.badge('hands', queue.length);
  }

  window.PlenumLive.register('hands', {
    tab: { id: 'hands', labelKey: 'live_hand_tab' },

    mount(container, live) {
      if (!document.querySelector('link[data-live-interaction]')) {
        const css = document.createElement('link');
        css.rel = 'stylesheet';
        css.href = '/css/live-interaction.css';
        css.dataset.liveInteraction = '';
        document.head.append(css);
      }
      const root = element('section', 'live-hands');
      root.dataset.testid = 'live-hands';
      const toggle = element('button', 'button small');
      toggle.type = 'button';
      toggle.dataset.testid = 'live-hand-toggle';
      toggle.addEventListener('click', () => {
        toggle.disabled = true;
        const raising = !mine;
        send(live, { type: raising ? 'hand.raise' : 'hand.lower' }).then(done => {
          toggle.disabled = false;
          if (done) { mine = raising; render(live); }
        });
      });
      const own = element('p', 'muted');
      own.setAttribute('aria-live', 'polite');
      const status = element('p', 'field-error');
      status.setAttribute('role', 'alert');
      root.append(toggle, own, status);
      view = { root, toggle, own, status };
      if (moderates(live)) {
        const heading = element('h3', null, text(live, 'live_hand_queue'));
        const list = element('ol', 'live-hand-queue');
        list.setAttribute('aria-label', text(live, 'live_hand_queue'));
        const announce = element('p', 'visually-hidden');
        announce.setAttribute('aria-live', 'polite');
        const empty = element('p', 'muted', text(live, 'live_hand_empty'));
        root.append(heading, announce, list, empty);
        Object.assign(view, { queue: list, empty, announce });
      }
      container.append(root);
      render(live);
    },

    onWelcome(state, live) {
      const hands = (state && state.hands) || state || {};
      mine = !!hands.mine;
      queue = Array.isArray(hands.queue) ? hands.queue.slice() : [];
      render(live);
    },

    onEvent(event, live) {
      const data = event.data || {};
      const own = live.you && data.participantId === live.you.participantId;
      switch (event.event) {
        case 'hand.raised':
          if (own) { mine = true; }
          if (moderates(live) && !queue.some(hand => hand.participantId === data.participantId)) {
            queue.push({ participantId: data.participantId, displayName: data.displayName, raisedAt: data.raisedAt });
            if (view && view.announce) { view.announce.textContent = data.displayName + ' ' + text(live, 'live_hand_new'); }
          }
          break;
        case 'hand.lowered':
          if (own) { mine = false; }
          queue = queue.filter(hand => hand.participantId !== data.participantId);
          break;
        default:
          return;
      }
      render(live);
    }
  });
})();
