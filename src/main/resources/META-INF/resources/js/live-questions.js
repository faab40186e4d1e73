// Q&A tab of the live panel (attendee page and studio): ask, optionally anonymously, upvote once,
// and for moderators mark answered or dismiss. Plugs into window.PlenumLive (live.js); without it,
// it does nothing. Builds its DOM with textContent only: question texts are never parsed as HTML.
(function () {
  'use strict';
  if (!window.PlenumLive || typeof window.PlenumLive.register !== 'function') { return; }

  // Fallback texts when the page's live.t() has none; the source is aud:live_qa_* (AudienceMessages, aud_de).
  const FALLBACK = {
    en: {
      live_qa_tab: 'Q&A', live_qa_label: 'Your question', live_qa_ask: 'Ask',
      live_qa_anonymous: 'Ask anonymously (the host still sees your name)', live_qa_anonymous_author: 'Anonymous',
      live_qa_upvote: 'Upvote', live_qa_upvoted: 'Upvoted', live_qa_votes: 'votes', live_qa_answer: 'Mark answered',
      live_qa_dismiss: 'Dismiss', live_qa_answered: 'Answered', live_qa_dismissed: 'Dismissed',
      live_qa_empty: 'No questions yet.', live_qa_new: 'New question', live_qa_refused: 'That did not work'
    },
    de: {
      live_qa_tab: 'Fragen', live_qa_label: 'Ihre Frage', live_qa_ask: 'Fragen',
      live_qa_anonymous: 'Anonym fragen (der Veranstalter sieht Ihren Namen trotzdem)', live_qa_anonymous_author: 'Anonym',
      live_qa_upvote: 'Unterstützen', live_qa_upvoted: 'Unterstützt', live_qa_votes: 'Stimmen',
      live_qa_answer: 'Als beantwortet markieren', live_qa_dismiss: 'Verwerfen', live_qa_answered: 'Beantwortet',
      live_qa_dismissed: 'Verworfen', live_qa_empty: 'Noch keine Fragen.', live_qa_new: 'Neue Frage',
      live_qa_refused: 'Das hat nicht geklappt'
    }
  };
  const MAX_TEXT = 500;

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

  const questions = new Map(); // questionId → question as in the snapshot
  const pendingAsks = new Set(); // texts this page sent: an anonymous question's event does not say whose it is
  let view = null;
  let unread = 0;

  function sorted() {
    return Array.from(questions.values()).sort((a, b) =>
      (b.votes - a.votes) || String(a.askedAt).localeCompare(String(b.askedAt)));
  }

  function visible() {
    return view && view.root.offsetParent !== null && !document.hidden;
  }

  function refuse(live, error) {
    view.status.textContent = text(live, 'live_qa_refused') + (error && error.message ? ': ' + error.message : '');
  }

  function send(live, frame) {
    view.status.textContent = '';
    return Promise.resolve(live.send(frame)).then(reply => {
      if (reply && reply.type === 'error') { refuse(live, reply); return false; }
      return true;
    }, error => { refuse(live, error); return false; });
  }

  function item(live, question) {
    const li = element('li', 'live-qa-item');
    li.dataset.questionId = question.questionId;
    li.dataset.status = question.status;
    li.dataset.testid = 'live-question';
    const author = question.displayName || (question.anonymous ? text(live, 'live_qa_anonymous_author') : '');
    const head = element('p', 'live-qa-meta', author);
    if (question.anonymous && question.displayName) { head.textContent = author + ' (' + text(live, 'live_qa_anonymous_author') + ')'; }
    if (question.status !== 'OPEN') {
      head.append(' · ', element('span', 'pill', text(live, question.status === 'ANSWERED' ? 'live_qa_answered' : 'live_qa_dismissed')));
    }
    li.append(head, element('p', 'live-qa-text', question.text));
    const actions = element('div', 'live-qa-actions');
    const votes = element('span', 'live-qa-votes', question.votes + ' ' + text(live, 'live_qa_votes'));
    actions.append(votes);
    if (question.status === 'OPEN' && !question.mine) {
      const upvote = element('button', 'button ghost small', text(live, question.upvoted ? 'live_qa_upvoted' : 'live_qa_upvote'));
      upvote.type = 'button';
      upvote.disabled = !!question.upvoted;
      upvote.setAttribute('aria-pressed', question.upvoted ? 'true' : 'false');
      upvote.setAttribute('aria-label', text(live, 'live_qa_upvote') + ': ' + question.text.slice(0, 80));
      upvote.addEventListener('click', () => {
        upvote.disabled = true;
        send(live, { type: 'question.upvote', questionId: question.questionId }).then(done => {
          if (done) { question.upvoted = true; render(live); } else { upvote.disabled = false; }
        });
      });
      actions.append(upvote);
    }
    if (moderates(live)) {
      [['live_qa_answer', 'question.answer', 'ANSWERED'], ['live_qa_dismiss', 'question.dismiss', 'DISMISSED']]
        .filter(([, , status]) => question.status !== status)
        .forEach(([key, type]) => {
          const button = element('button', 'button ghost small', text(live, key));
          button.type = 'button';
          button.addEventListener('click', () => send(live, { type: type, questionId: question.questionId }));
          actions.append(button);
        });
    }
    li.append(actions);
    return li;
  }

  function render(live) {
    if (!view) { return; }
    const list = sorted().filter(question => moderates(live) || question.status !== 'DISMISSED');
    view.list.replaceChildren(...list.map(question => item(live, question)));
    view.empty.hidden = list.length > 0;
  }

  window.PlenumLive.register('questions', {
    tab: { id: 'questions', labelKey: 'live_qa_tab' },

    mount(container, live) {
      if (!document.querySelector('link[data-live-interaction]')) {
        const css = document.createElement('link');
        css.rel = 'stylesheet';
        css.href = '/css/live-interaction.css';
        css.dataset.liveInteraction = '';
        document.head.append(css);
      }
      const root = element('section', 'live-qa');
      root.dataset.testid = 'live-questions';
      const form = element('form', 'live-qa-form');
      const id = 'live-qa-text-' + Math.random().toString(36).slice(2);
      const label = element('label', null, text(live, 'live_qa_label'));
      label.htmlFor = id;
      const input = element('textarea');
      input.id = id;
      input.maxLength = MAX_TEXT;
      input.rows = 2;
      input.required = true;
      input.dataset.testid = 'live-question-text';
      const anonymousLabel = element('label', 'live-qa-anonymous');
      const anonymous = element('input');
      anonymous.type = 'checkbox';
      anonymous.dataset.testid = 'live-question-anonymous';
      anonymousLabel.append(anonymous, ' ', text(live, 'live_qa_anonymous'));
      const ask = element('button', 'button small', text(live, 'live_qa_ask'));
      ask.type = 'submit';
      ask.dataset.testid = 'live-question-ask';
      form.append(label, input, anonymousLabel, ask);
      form.addEventListener('submit', event => {
        event.preventDefault();
        const value = input.value.trim();
        if (!value) { return; }
        ask.disabled = true;
        pendingAsks.add(value);
        send(live, { type: 'question.ask', text: value, anonymous: anonymous.checked }).then(done => {
          ask.disabled = false;
          if (done) { input.value = ''; anonymous.checked = false; } else { pendingAsks.delete(value); }
        });
      });
      const status = element('p', 'field-error');
      status.setAttribute('role', 'alert');
      const announce = element('p', 'visually-hidden');
      announce.setAttribute('aria-live', 'polite');
      const list = element('ol', 'live-qa-list');
      list.setAttribute('aria-label', text(live, 'live_qa_tab'));
      const empty = element('p', 'muted', text(live, 'live_qa_empty'));
      root.append(form, status, announce, list, empty);
      root.addEventListener('focusin', () => { unread = 0; live.badge('questions', 0); });
      container.append(root);
      view = { root, list, empty, status, announce };
      render(live);
    },

    onWelcome(state, live) {
      const list = Array.isArray(state) ? state : (state && state.questions) || [];
      questions.clear();
      list.forEach(question => questions.set(question.questionId, question));
      render(live);
    },

    onEvent(event, live) {
      const data = event.data || {};
      const known = questions.get(data.questionId);
      switch (event.event) {
        case 'question.asked': {
          const mine = (live.you && data.participantId === live.you.participantId) || pendingAsks.delete(data.text);
          questions.set(data.questionId, Object.assign({ upvoted: false, mine: mine }, data));
          if (view) { view.announce.textContent = text(live, 'live_qa_new') + ': ' + data.text; }
          if (!visible()) { unread += 1; live.badge('questions', unread); }
          break;
        }
        case 'question.upvoted':
          if (known) { known.votes = data.votes; }
          break;
        case 'question.answered':
          if (known) { known.status = 'ANSWERED'; }
          break;
        case 'question.dismissed':
          if (known) { known.status = 'DISMISSED'; }
          break;
        default:
          return;
      }
      render(live);
    }
  });
})();
