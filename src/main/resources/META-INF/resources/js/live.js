// The live interaction panel (chat tab, plug-in tabs, moderation) over the room's socket, protocol v1
// (docs/live-protocol.md). Plug-ins: window.PlenumLive.register(key, {tab:{id,labelKey}, mount, onWelcome, onEvent}).
(function () {
  'use strict';
  var plugins = [];
  var live = null;
  window.PlenumLive = {
    register: function (key, plugin) {
      plugins.push({ key: key, plugin: plugin });
      if (live) { live.addPlugin(key, plugin); }
    }
  };

  function start() {
    var panel = document.getElementById('live-panel');
    if (!panel) { return; }
    var sessionId = panel.dataset.session;
    var moderator = panel.dataset.moderator === 'true';
    var tabs = document.getElementById('live-tabs');
    var panes = document.getElementById('live-panes');
    var status = document.getElementById('live-status');
    var presence = document.getElementById('live-presence');
    var socket = null, lastId = null, you = null, pending = {}, nextRef = 1, backoff = 1000, stopped = false, chosenName = null;
    // Until the welcome names them, a moderator's page says what the server will: plug-ins mount their
    // moderator controls (poll creator, hand queue) at once, before the socket is up.
    if (moderator) { you = { role: 'MODERATOR' }; }
    var unread = {}, activeTab = null, mounted = {};

    function t(key) {
      var attr = 'data-t-' + key.replace(/_/g, '-');
      return panel.getAttribute(attr) || key;
    }

    function setStatus(text, state) { status.textContent = text; status.dataset.state = state; }

    function addTab(id, label) {
      var button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('role', 'tab');
      button.id = 'live-tab-' + id;
      button.dataset.testid = 'live-tab-' + id;
      button.setAttribute('data-testid', 'live-tab-' + id);
      button.setAttribute('aria-controls', 'live-pane-' + id);
      button.className = 'live-tab';
      var name = document.createElement('span');
      name.textContent = label;
      var badge = document.createElement('span');
      badge.className = 'live-badge';
      badge.setAttribute('data-testid', 'live-badge-' + id);
      badge.hidden = true;
      button.appendChild(name);
      button.appendChild(badge);
      button.addEventListener('click', function () { select(id); });
      button.addEventListener('keydown', function (event) {
        var all = Array.prototype.slice.call(tabs.querySelectorAll('[role=tab]'));
        var index = all.indexOf(button);
        if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
          var next = all[(index + (event.key === 'ArrowRight' ? 1 : all.length - 1)) % all.length];
          next.focus();
          select(next.id.substring('live-tab-'.length));
          event.preventDefault();
        }
      });
      tabs.appendChild(button);
      var pane = document.createElement('div');
      pane.id = 'live-pane-' + id;
      pane.setAttribute('role', 'tabpanel');
      pane.setAttribute('aria-labelledby', button.id);
      pane.setAttribute('data-testid', 'live-pane-' + id);
      pane.className = 'live-pane';
      pane.hidden = true;
      panes.appendChild(pane);
      if (!activeTab) { select(id); }
      return pane;
    }

    function select(id) {
      activeTab = id;
      Array.prototype.forEach.call(tabs.querySelectorAll('[role=tab]'), function (tab) {
        var on = tab.id === 'live-tab-' + id;
        tab.setAttribute('aria-selected', on ? 'true' : 'false');
        tab.tabIndex = on ? 0 : -1;
      });
      Array.prototype.forEach.call(panes.children, function (pane) { pane.hidden = pane.id !== 'live-pane-' + id; });
      badge(id, 0);
    }

    function badge(id, n) {
      unread[id] = n;
      var element = document.querySelector('[data-testid="live-badge-' + id + '"]');
      if (!element) { return; }
      element.hidden = !n;
      element.textContent = n ? String(n) : '';
      element.setAttribute('aria-label', n + ' ' + t('unread'));
    }

    function bump(id) { if (activeTab !== id) { badge(id, (unread[id] || 0) + 1); } }

    function send(frame) {
      return new Promise(function (resolve, reject) {
        if (!socket || socket.readyState !== WebSocket.OPEN) { reject({ code: 'not-connected' }); return; }
        var ref = 'r' + (nextRef++);
        frame.ref = ref;
        pending[ref] = { resolve: resolve, reject: reject };
        socket.send(JSON.stringify(frame));
      });
    }

    var api = { send: send, badge: badge, t: t, get you() { return you; } };

    // Chat tab
    var chatPane = addTab('chat', t('chat'));
    chatPane.appendChild(document.getElementById('live-chat-template').content.cloneNode(true));
    var list = chatPane.querySelector('.live-messages');
    var input = chatPane.querySelector('input');
    var chatError = chatPane.querySelector('.live-error');
    chatPane.querySelector('form').addEventListener('submit', function (event) {
      event.preventDefault();
      var text = input.value.trim();
      if (!text) { return; }
      chatError.textContent = '';
      send({ type: 'chat.send', text: text }).then(function () { input.value = ''; }, function (error) {
        chatError.textContent = error.message || error.code;
      });
    });

    function renderMessage(id, data) {
      if (document.getElementById('live-msg-' + id)) { return; }
      var item = document.createElement('li');
      item.id = 'live-msg-' + id;
      item.setAttribute('data-testid', 'chat-message');
      item.dataset.participant = data.participantId;
      var who = document.createElement('strong');
      who.textContent = data.displayName + ': ';
      var text = document.createElement('span');
      text.className = 'live-text';
      text.textContent = data.text;
      item.appendChild(who);
      item.appendChild(text);
      if (moderator && you && data.participantId !== you.participantId) {
        var del = document.createElement('button');
        del.type = 'button'; del.className = 'button ghost small'; del.textContent = t('delete');
        del.setAttribute('data-testid', 'chat-delete');
        del.addEventListener('click', function () { send({ type: 'chat.delete', eventId: id }).catch(function () {}); });
        var ban = document.createElement('button');
        ban.type = 'button'; ban.className = 'button ghost small'; ban.textContent = t('ban');
        ban.setAttribute('data-testid', 'chat-ban');
        ban.addEventListener('click', function () { send({ type: 'moderation.ban', participantId: data.participantId }).catch(function () {}); });
        item.appendChild(del);
        item.appendChild(ban);
      }
      list.appendChild(item);
      while (list.children.length > 200) { list.removeChild(list.firstChild); }
      list.scrollTop = list.scrollHeight;
    }

    function chatSettings(enabled, slowSeconds) {
      var notes = [];
      if (!enabled) { notes.push(t('chat_off')); }
      if (slowSeconds > 0) { notes.push(t('slow_mode').replace('0', String(slowSeconds))); }
      chatError.textContent = notes.join(' ');
      var toggle = document.getElementById('live-chat-enabled');
      if (toggle) { toggle.checked = enabled; document.getElementById('live-slow').value = slowSeconds; }
    }

    function addPlugin(key, plugin) {
      try {
        var pane = plugin.tab ? addTab(plugin.tab.id, t(plugin.tab.labelKey) ) : null;
        if (plugin.mount) { plugin.mount(pane, api); }
        mounted[key] = plugin;
      } catch (e) { if (window.console) { console.warn('live plug-in ' + key + ' failed', e); } }
    }
    live = { addPlugin: addPlugin };
    plugins.forEach(function (p) { addPlugin(p.key, p.plugin); });

    function each(method, argument, key) {
      Object.keys(mounted).forEach(function (name) {
        var plugin = mounted[name];
        try {
          if (plugin[method]) { plugin[method](key ? argument[name] : argument, api); }
        } catch (e) { if (window.console) { console.warn('live plug-in ' + name + ' failed', e); } }
      });
    }

    function onFrame(frame) {
      if (frame.type === 'welcome') {
        you = frame.you;
        lastId = lastId === null ? frame.lastId : lastId;
        setStatus(t('connected'), 'connected');
        backoff = 1000;
        var chat = frame.state.chat;
        if (chat) {
          chat.messages.forEach(function (m) { renderMessage(m.id, m.data); });
          chatSettings(chat.enabled, chat.slowSeconds);
        }
        each('onWelcome', frame.state, true);
      } else if (frame.type === 'event') {
        lastId = frame.id;
        if (frame.event === 'chat.message') { renderMessage(frame.id, frame.data); bump('chat'); }
        else if (frame.event === 'chat.deleted') {
          var gone = document.getElementById('live-msg-' + frame.data.eventId);
          if (gone) { gone.parentNode.removeChild(gone); }
        } else if (frame.event === 'chat.settings') { chatSettings(frame.data.enabled, frame.data.slowSeconds); }
        each('onEvent', frame, false);
      } else if (frame.type === 'ack' || (frame.type === 'error' && frame.ref)) {
        var waiting = pending[frame.ref];
        delete pending[frame.ref];
        if (waiting) { (frame.type === 'ack' ? waiting.resolve : waiting.reject)(frame); }
      } else if (frame.type === 'error') {
        if (frame.code === 'banned') { stopped = true; setStatus(t('banned'), 'banned'); }
        else { chatError.textContent = frame.message; }
      } else if (frame.type === 'presence.count') {
        presence.textContent = t('presence_count').replace('#', String(frame.count));
        presence.dataset.count = frame.count;
        var people = document.getElementById('live-people');
        if (people && frame.participants) {
          people.textContent = '';
          frame.participants.forEach(function (p) {
            var li = document.createElement('li');
            li.textContent = p.displayName + (p.role !== 'ATTENDEE' ? ' (' + p.role.toLowerCase() + ')' : '');
            li.setAttribute('data-testid', 'live-person');
            people.appendChild(li);
          });
        }
      } else if (frame.type === 'room.state') {
        panel.dataset.stage = frame.stage;
      }
    }

    function connect() {
      var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/interact/sessions/' + sessionId;
      var query = [];
      if (lastId !== null) { query.push('after=' + lastId); }
      if (chosenName) { query.push('name=' + encodeURIComponent(chosenName)); }
      if (query.length) { url += '?' + query.join('&'); }
      socket = new WebSocket(url);
      socket.addEventListener('message', function (message) {
        try { onFrame(JSON.parse(message.data)); } catch (e) { if (window.console) { console.warn(e); } }
      });
      socket.addEventListener('close', function (event) {
        Object.keys(pending).forEach(function (ref) { pending[ref].reject({ code: 'disconnected' }); });
        pending = {};
        if (event.code === 4403) { stopped = true; setStatus(t('banned'), 'banned'); }
        if (stopped) { return; }
        setStatus(t('reconnecting'), 'reconnecting');
        setTimeout(connect, backoff);
        backoff = Math.min(backoff * 2, 15000);
      });
    }

    if (moderator) {
      document.getElementById('live-settings-apply').addEventListener('click', function () {
        send({ type: 'chat.settings', enabled: document.getElementById('live-chat-enabled').checked,
          slowSeconds: parseInt(document.getElementById('live-slow').value || '0', 10) }).catch(function () {});
      });
    }

    if (panel.dataset.openViewer === 'true') {
      var nameBox = document.getElementById('live-name');
      nameBox.hidden = false;
      document.getElementById('live-name-join').addEventListener('click', function () {
        chosenName = document.getElementById('live-name-input').value.trim().substring(0, 40);
        nameBox.hidden = true;
        connect();
      });
    } else {
      connect();
    }
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
