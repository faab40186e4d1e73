// Polls tab of the live panel. Attendees vote once in open polls and see results once the host
// shares them; moderators draft, open, close and share polls and watch results arrive (poll.results,
// coalesced by the server to at most one a second). Plugs into window.PlenumLive (live.js).
(function () {
  'use strict';
  if (!window.PlenumLive || typeof window.PlenumLive.register !== 'function') { return; }

  // Fallback texts when the page's live.t() has none; the source is aud:live_poll_* (AudienceMessages, aud_de).
  const FALLBACK = {
    en: {
      live_poll_tab: 'Polls', live_poll_question: 'Question', live_poll_options: 'Answers, one per line',
      live_poll_multiple: 'Several answers allowed', live_poll_create: 'Create poll', live_poll_open: 'Open',
      live_poll_close: 'Close', live_poll_share: 'Share results', live_poll_vote: 'Vote',
      live_poll_voted: 'Thanks, your vote counts.', live_poll_voters: 'voters', live_poll_draft: 'Draft',
      live_poll_closed: 'Closed', live_poll_empty: 'No poll right now.', live_poll_new: 'New poll',
      live_poll_refused: 'That did not work'
    },
    de: {
      live_poll_tab: 'Umfragen', live_poll_question: 'Frage', live_poll_options: 'Antworten, eine pro Zeile',
      live_poll_multiple: 'Mehrere Antworten erlaubt', live_poll_create: 'Umfrage anlegen', live_poll_open: 'Öffnen',
      live_poll_close: 'Schließen', live_poll_share: 'Ergebnisse teilen', live_poll_vote: 'Abstimmen',
      live_poll_voted: 'Danke, Ihre Stimme zählt.', live_poll_voters: 'Teilnehmende', live_poll_draft: 'Entwurf',
      live_poll_closed: 'Geschlossen', live_poll_empty: 'Gerade keine Umfrage.', live_poll_new: 'Neue Umfrage',
      live_poll_refused: 'Das hat nicht geklappt'
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

  function button(label, onClick, primary) {
    const node = element('button', primary ? 'button small' : 'button ghost small', label);
    node.type = 'button';
    node.addEventListener('click', onClick);
    return node;
  }

  function moderates(live) {
    return !!(live.you && live.you.role && live.you.role !== 'ATTENDEE');
  }

  const polls = new Map(); // pollId → poll (question, options, multiple, status, shared, myVote, voters, counts)
  let view = null;
  let unread = 0;

  function visible() {
    return view && view.root.offsetParent !== null && !document.hidden;
  }

  function send(live, frame) {
    view.status.textContent = '';
    const refuse = error => {
      view.status.textContent = text(live, 'live_poll_refused') + (error && error.message ? ': ' + error.message : '');
      return false;
    };
    return Promise.resolve(live.send(frame)).then(reply => (reply && reply.type === 'error') ? refuse(reply) : true, refuse);
  }

  function results(live, poll) {
    const list = element('ul', 'live-poll-results');
    const most = Math.max(1, ...poll.counts);
    poll.options.forEach((option, position) => {
      const count = poll.counts[position] || 0;
      const li = element('li');
      const bar = element('meter');
      bar.min = 0;
      bar.max = most;
      bar.value = count;
      bar.setAttribute('aria-label', option);
      li.append(element('span', null, option + ': ' + count), bar);
      list.append(li);
    });
    const voters = element('p', 'muted', poll.voters + ' ' + text(live, 'live_poll_voters'));
    return [list, voters];
  }

  function ballot(live, poll) {
    const form = element('form', 'live-poll-ballot');
    const fieldset = element('fieldset');
    fieldset.append(element('legend', null, poll.question));
    const name = 'live-poll-' + poll.pollId;
    poll.options.forEach((option, position) => {
      const label = element('label', 'live-poll-option');
      const input = element('input');
      input.type = poll.multiple ? 'checkbox' : 'radio';
      input.name = name;
      input.value = String(position);
      label.append(input, ' ', option);
      fieldset.append(label);
    });
    const vote = element('button', 'button small', text(live, 'live_poll_vote'));
    vote.type = 'submit';
    form.append(fieldset, vote);
    form.addEventListener('submit', event => {
      event.preventDefault();
      const chosen = Array.from(form.querySelectorAll('input:checked')).map(input => Number(input.value));
      if (chosen.length === 0) { return; }
      vote.disabled = true;
      send(live, { type: 'poll.vote', pollId: poll.pollId, options: chosen }).then(done => {
        vote.disabled = false;
        if (done) { poll.myVote = chosen; render(live); }
      });
    });
    return form;
  }

  function card(live, poll) {
    const li = element('li', 'live-poll');
    li.dataset.pollId = poll.pollId;
    li.dataset.status = poll.status;
    li.dataset.testid = 'live-poll';
    const state = poll.status === 'DRAFT' ? 'live_poll_draft' : poll.status === 'CLOSED' ? 'live_poll_closed' : null;
    if (state) { li.append(element('span', 'pill', text(live, state))); }
    const voting = poll.status === 'OPEN' && !poll.myVote;
    if (voting) {
      li.append(ballot(live, poll));
    } else {
      li.append(element('p', 'live-poll-question', poll.question));
      if (poll.myVote) { li.append(element('p', 'muted', text(live, 'live_poll_voted'))); }
    }
    if (poll.counts && (moderates(live) || poll.shared)) { li.append(...results(live, poll)); }
    if (moderates(live)) {
      const actions = element('div', 'live-poll-actions');
      const act = type => () => send(live, { type: type, pollId: poll.pollId });
      if (poll.status === 'DRAFT') { actions.append(button(text(live, 'live_poll_open'), act('poll.open'), true)); }
      if (poll.status === 'OPEN') { actions.append(button(text(live, 'live_poll_close'), act('poll.close'))); }
      if (poll.status !== 'DRAFT' && !poll.shared) { actions.append(button(text(live, 'live_poll_share'), act('poll.share'))); }
      li.append(actions);
    }
    return li;
  }

  function render(live) {
    if (!view) { return; }
    const list = Array.from(polls.values())
      .filter(poll => moderates(live) || poll.status === 'OPEN' || (poll.status === 'CLOSED' && poll.shared));
    view.list.replaceChildren(...list.reverse().map(poll => card(live, poll)));
    view.empty.hidden = list.length > 0;
  }

  function creator(live) {
    const form = element('form', 'live-poll-create');
    const field = (key, control) => {
      const id = 'live-poll-' + key + '-' + Math.random().toString(36).slice(2);
      const label = element('label', null, text(live, key));
      label.htmlFor = id;
      control.id = id;
      form.append(label, control);
      return control;
    };
    const question = field('live_poll_question', element('input'));
    question.maxLength = 300;
    question.required = true;
    const options = field('live_poll_options', element('textarea'));
    options.rows = 3;
    options.required = true;
    const multipleLabel = element('label');
    const multiple = element('input');
    multiple.type = 'checkbox';
    multipleLabel.append(multiple, ' ', text(live, 'live_poll_multiple'));
    const create = element('button', 'button small', text(live, 'live_poll_create'));
    create.type = 'submit';
    form.append(multipleLabel, create);
    form.addEventListener('submit', event => {
      event.preventDefault();
      const answers = options.value.split('\n').map(line => line.trim()).filter(Boolean);
      send(live, { type: 'poll.create', question: question.value.trim(), options: answers, multiple: multiple.checked })
        .then(done => { if (done) { form.reset(); } });
    });
    return form;
  }

  window.PlenumLive.register('polls', {
    tab: { id: 'polls', labelKey: 'live_poll_tab' },

    mount(container, live) {
      if (!document.querySelector('link[data-live-interaction]')) {
        const css = document.createElement('link');
        css.rel = 'stylesheet';
        css.href = '/css/live-interaction.css';
        css.dataset.liveInteraction = '';
        document.head.append(css);
      }
      const root = element('section', 'live-polls');
      root.dataset.testid = 'live-polls';
      const status = element('p', 'field-error');
      status.setAttribute('role', 'alert');
      const announce = element('p', 'visually-hidden');
      announce.setAttribute('aria-live', 'polite');
      const list = element('ol', 'live-poll-list');
      list.setAttribute('aria-label', text(live, 'live_poll_tab'));
      const empty = element('p', 'muted', text(live, 'live_poll_empty'));
      if (moderates(live)) { root.append(creator(live)); }
      root.append(status, announce, list, empty);
      root.addEventListener('focusin', () => { unread = 0; live.badge('polls', 0); });
      container.append(root);
      view = { root, list, empty, status, announce };
      render(live);
    },

    onWelcome(state, live) {
      const list = Array.isArray(state) ? state : (state && state.polls) || [];
      polls.clear();
      list.forEach(poll => polls.set(poll.pollId, poll));
      render(live);
    },

    onEvent(event, live) {
      const data = event.data || {};
      const known = polls.get(data.pollId);
      switch (event.event) {
        case 'poll.created':
          polls.set(data.pollId, Object.assign({ myVote: null }, data));
          break;
        case 'poll.opened':
          polls.set(data.pollId, Object.assign({ myVote: null }, known || {}, data));
          if (view) { view.announce.textContent = text(live, 'live_poll_new') + ': ' + data.question; }
          if (!visible()) { unread += 1; live.badge('polls', unread); }
          break;
        case 'poll.closed':
          if (known) { known.status = 'CLOSED'; }
          break;
        case 'poll.results':
          // Results carry the whole poll, so a shared closed poll appears even for someone who missed its opening.
          polls.set(data.pollId, Object.assign({ myVote: null }, known || {}, data,
            { status: data.final ? 'CLOSED' : (known ? known.status : data.status) }));
          break;
        default:
          return;
      }
      render(live);
    }
  });
})();
