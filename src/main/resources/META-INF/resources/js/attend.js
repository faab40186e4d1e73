// The attendee page: countdown and sound check in the lobby; after "Enter", the stage from the
// server-sent events, and the player — WHEP first, HLS (hls.js, or native on Safari) when WebRTC is
// missing, refused or does not connect within 5 s — reconnecting by itself with back-off.
(function () {
  'use strict';
  const root = document.getElementById('attend');
  if (!root) { return; }
  const texts = root.dataset;
  const frame = document.getElementById('stage-frame');
  const stageText = document.getElementById('stage-text');
  const stagePill = document.getElementById('stage-pill');
  const countdown = document.getElementById('countdown');
  const playerState = document.getElementById('player-state');
  const video = document.getElementById('player');
  const badge = document.getElementById('hls-badge');
  const unmute = document.getElementById('unmute');
  const access = document.getElementById('access');
  const CONNECT_TIMEOUT_MS = 5000;
  // The answer may wait for a viewer worker to start (a new one from the pool takes seconds).
  const ANSWER_TIMEOUT_MS = 12000;
  // HLS after a WebRTC attempt that failed (not refused for capacity): try WebRTC again this much later.
  const UPGRADE_AFTER_MS = 30000;
  const stageTexts = {WAITING: texts.stageWaiting, BACKSTAGE: texts.stageBackstage, LIVE: texts.stageLive, ENDED: texts.stageEnded};

  // ---- countdown to the session's start (no server round trip)
  const starts = texts.starts ? Date.parse(texts.starts) : NaN;
  function tick() {
    if (isNaN(starts) || root.dataset.stage !== 'WAITING') { countdown.textContent = ''; return; }
    let left = Math.floor((starts - Date.now()) / 1000);
    if (left <= 0) { countdown.textContent = texts.startingNow; return; }
    const days = Math.floor(left / 86400); left %= 86400;
    const pad = n => String(n).padStart(2, '0');
    countdown.textContent = texts.startsIn + ' ' + (days ? days + ' d ' : '') +
      pad(Math.floor(left / 3600)) + ':' + pad(Math.floor(left % 3600 / 60)) + ':' + pad(left % 60);
  }
  tick();
  setInterval(tick, 1000);

  // ---- sound check: a short 440 Hz tone through WebAudio (a click is the gesture browsers ask for)
  const soundCheck = document.getElementById('sound-check');
  soundCheck.addEventListener('click', () => {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) { return; }
    const audio = new Context();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 440;
    gain.gain.setValueAtTime(0.0001, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.3, audio.currentTime + 0.05);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.8);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.85);
    tone.onended = () => audio.close();
    soundCheck.dataset.played = String(Number(soundCheck.dataset.played || 0) + 1);
  });

  function showStage(stage) {
    root.dataset.stage = stage;
    frame.dataset.stage = stage;
    stagePill.dataset.stage = stage;
    stagePill.textContent = stageTexts[stage] || stage;
    stagePill.classList.toggle('pill-live', stage === 'LIVE');
    stageText.textContent = stageTexts[stage] || stage;
    tick();
  }

  if (texts.entered !== 'true') { return; }

  // ---- the player
  const webinar = texts.webinar;
  let wanted = false;        // the stage is LIVE: keep playing
  let attempt = 0;           // failed attempts in a row, for the back-off
  let retryTimer = null;
  let generation = 0;        // bumps on every (re)start: late callbacks of an old attempt do nothing
  let pc = null;
  let whepLocation = null;
  let whepPass = null;
  let hls = null;
  let renewTimer = null;
  let stallTimer = null;
  let upgradeTimer = null;
  let noVideoRestarts = 0;   // restarts because a connection brought no picture (a camera may simply be off)
  let latestHlsUrl = null;
  // A random id of this page, sent only while it plays HLS: the studio counts HLS viewers by it (nothing personal).
  const pageId = (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
    : '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, c => (c ^ crypto.getRandomValues(new Uint8Array(1))[0] & 15 >> c / 4).toString(16));
  let playingHls = false;

  function setState(state) {
    playerState.dataset.state = state;
    playerState.textContent = state === 'idle' ? '' : texts['state' + state[0].toUpperCase() + state.slice(1)];
  }

  function stopMedia() {
    generation++;
    clearTimeout(retryTimer);
    clearInterval(renewTimer);
    clearInterval(stallTimer);
    clearTimeout(upgradeTimer);
    if (pc) {
      if (whepLocation) {
        fetch(whepLocation, {method: 'DELETE', keepalive: true, headers: {'Authorization': 'Bearer ' + whepPass}}).catch(() => {});
      }
      pc.close();
      pc = null;
      whepLocation = null;
    }
    if (hls) { hls.destroy(); hls = null; }
    if (playingHls) {
      playingHls = false;
      fetch('/attend/' + webinar + '/hls?page=' + pageId, {method: 'DELETE', keepalive: true}).catch(() => {});
    }
    video.pause();
    video.removeAttribute('src');
    video.srcObject = null;
    badge.hidden = true;
    unmute.hidden = true;
    playerState.dataset.transport = '';
  }

  function retryLater() {
    stopMedia();
    if (!wanted) { return; }
    attempt++;
    setState(attempt > 1 ? 'retrying' : 'reconnecting');
    const delay = Math.min(15000, 1000 * Math.pow(2, attempt - 1)) * (0.8 + Math.random() * 0.4);
    retryTimer = setTimeout(start, delay);
  }

  function play() {
    video.muted = false;
    video.play().catch(() => {
      // Browsers may refuse sound without a gesture on this page: play muted, offer the button.
      video.muted = true;
      unmute.hidden = false;
      video.play().catch(() => {});
    });
  }
  unmute.addEventListener('click', () => { video.muted = false; unmute.hidden = true; video.play().catch(() => {}); });

  async function grant(asHlsViewer) {
    const response = await fetch('/attend/' + webinar + '/pass' + (asHlsViewer ? '?hls=' + pageId : ''), {method: 'POST'});
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw Object.assign(new Error(problem.detail || 'HTTP ' + response.status), {status: response.status});
    }
    return response.json();
  }

  function within(ms, promise) {
    return Promise.race([promise, new Promise((resolve, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
  }

  async function whep(granted, mine) {
    // TURN relays (fresh credentials with each pass) for viewers behind strict NATs and firewalls.
    const connection = new RTCPeerConnection({iceServers: granted.iceServers || []});
    pc = connection;
    connection.addTransceiver('video', {direction: 'recvonly'});
    connection.addTransceiver('audio', {direction: 'recvonly'});
    const stream = new MediaStream();
    connection.ontrack = event => { stream.addTrack(event.track); video.srcObject = stream; };
    await connection.setLocalDescription(await connection.createOffer());
    await within(2500, new Promise(resolve => {
      if (connection.iceGatheringState === 'complete') { resolve(); return; }
      connection.addEventListener('icegatheringstatechange', () => { if (connection.iceGatheringState === 'complete') { resolve(); } });
    })).catch(() => {}); // non-trickle: send what was gathered by then
    const response = await within(ANSWER_TIMEOUT_MS, fetch(granted.whepUrl, {method: 'POST',
      headers: {'Content-Type': 'application/sdp', 'Authorization': 'Bearer ' + granted.pass},
      body: connection.localDescription.sdp}));
    if (response.status !== 201) { throw new Error('WHEP ' + response.status); }
    whepLocation = response.headers.get('Location');
    whepPass = granted.pass;
    await connection.setRemoteDescription({type: 'answer', sdp: await response.text()});
    await within(CONNECT_TIMEOUT_MS, new Promise((resolve, reject) => {
      const check = () => {
        if (connection.connectionState === 'connected') { resolve(); }
        if (connection.connectionState === 'failed') { reject(new Error('ICE failed')); }
      };
      connection.addEventListener('connectionstatechange', check);
      check();
    }));
    if (mine !== generation) { return; }
    connection.addEventListener('connectionstatechange', () => {
      if (mine !== generation) { return; }
      if (connection.connectionState === 'failed') { retryLater(); }
      if (connection.connectionState === 'disconnected') {
        // often heals by itself; if not within 3 s, start over with a new pass
        setState('reconnecting');
        setTimeout(() => {
          if (mine === generation && connection.connectionState !== 'connected') { retryLater(); } else if (mine === generation) { setState('live'); }
        }, 3000);
      }
    });
    // A viewer worker that dies sends nothing more; ICE would notice only after seconds. Media that
    // stops arriving for 2.5 s starts the page over with a new pass (the server places it anew).
    let lastBytes = -1;
    let lastChange = Date.now();
    const answeredAt = Date.now();
    let sawVideo = false;
    stallTimer = setInterval(async () => {
      if (mine !== generation) { return; }
      let bytes = 0;
      (await connection.getStats()).forEach(report => {
        if (report.type === 'inbound-rtp') { bytes += report.bytesReceived || 0; } // audio too: a camera may be off
      });
      if (bytes !== lastBytes) { lastBytes = bytes; lastChange = Date.now(); }
      else if (bytes > 0 && Date.now() - lastChange > 2500 && mine === generation) { retryLater(); }
      // A connection that brings audio but no picture 6 s after the answer is started over, at most twice
      // in a row (a host whose camera is off must not make the page restart for ever).
      if (!sawVideo && Date.now() - answeredAt > 6000 && noVideoRestarts < 2 && mine === generation) {
        let frames = 0;
        (await connection.getStats()).forEach(report => {
          if (report.type === 'inbound-rtp' && report.kind === 'video') { frames = report.framesDecoded || 0; }
        });
        if (frames > 0) { sawVideo = true; } else { noVideoRestarts++; retryLater(); }
      }
    }, 500);
    playerState.dataset.transport = 'whep';
  }

  function loadHlsScript() {
    if (window.Hls) { return Promise.resolve(); }
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = texts.hlsScript;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  async function playHls(url, mine) {
    latestHlsUrl = url;
    const path = url.split('?')[0];
    if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = url; // Safari: native HLS; an expired URL errors and the page starts over with a new one
      video.onerror = () => { if (mine === generation) { retryLater(); } };
    } else {
      await loadHlsScript();
      if (!window.Hls || !window.Hls.isSupported()) { throw new Error('no HLS here'); }
      hls = new window.Hls({enableWorker: false, lowLatencyMode: true,
        // The playlist's signed URL lives a minute: every reload asks with the newest one.
        xhrSetup: (xhr, requested) => { if (requested.split('?')[0] === path) { xhr.open('GET', latestHlsUrl, true); } }});
      hls.on(window.Hls.Events.ERROR, (event, data) => { if (data.fatal && mine === generation) { retryLater(); } });
      hls.loadSource(url);
      hls.attachMedia(video);
    }
    const renew = () => grant(true).then(g => { if (g.hlsUrl) { latestHlsUrl = g.hlsUrl; } }).catch(() => {});
    playingHls = true;
    renew(); // counted as an HLS viewer from now on, and with every renewal
    renewTimer = setInterval(renew, 40000);
    badge.hidden = false;
    playerState.dataset.transport = 'hls';
  }

  async function start() {
    stopMedia();
    if (!wanted) { return; }
    const mine = generation;
    setState(attempt ? 'reconnecting' : 'connecting');
    let granted;
    try {
      granted = await grant();
    } catch (e) {
      if (mine === generation) { retryLater(); }
      return;
    }
    if (mine !== generation) { return; }
    const hlsForced = new URLSearchParams(window.location.search).get('transport') === 'hls';
    let refusedForCapacity = false;
    if (window.RTCPeerConnection && !hlsForced) {
      try {
        await whep(granted, mine);
        if (mine !== generation) { return; }
        attempt = 0;
        setState('live');
        play();
        return;
      } catch (e) {
        if (mine !== generation) { return; }
        if (pc) { pc.close(); pc = null; }
        whepLocation = null;
        refusedForCapacity = e.message === 'WHEP 503'; // the room's WebRTC places are taken: HLS is the answer
      }
    }
    if (granted.hlsUrl) {
      try {
        await playHls(granted.hlsUrl, mine);
        if (mine !== generation) { return; }
        attempt = 0;
        setState('live');
        play();
        if (window.RTCPeerConnection && !hlsForced && !refusedForCapacity) {
          upgradeTimer = setTimeout(() => { if (mine === generation) { start(); } }, UPGRADE_AFTER_MS);
        }
        return;
      } catch (e) { /* fall through to a retry */ }
    }
    if (mine === generation) { retryLater(); }
  }

  function accessEnded(reason) {
    wanted = false;
    stopMedia();
    setState('idle');
    events.close();
    access.textContent = reason === 'OTHER_DEVICE' ? texts.accessOtherDevice : texts.accessEnded;
    root.dataset.access = 'ended';
  }

  // The stage's version: it grows when what WebRTC viewers are shown changed (a screen share started, a
  // camera came on late, the host pinned another video); the viewer worker of this page was built for
  // the former stage, so the page reconnects — spread over two seconds, so a full room does not
  // offer all at once.
  let media = null;
  let restageTimer = null;
  function followStage(version) {
    const moved = media !== null && version > media;
    media = version;
    if (!moved || !wanted || playerState.dataset.transport !== 'whep') { return; }
    const mine = generation;
    clearTimeout(restageTimer);
    restageTimer = setTimeout(() => { if (mine === generation && wanted) { attempt = 0; start(); } }, Math.random() * 2000);
  }

  const events = new EventSource('/attend/' + webinar + '/events');
  events.onmessage = message => {
    const signal = JSON.parse(message.data);
    if (!signal.admitted) { accessEnded(signal.reason); return; }
    const live = signal.stage === 'LIVE';
    if (signal.stage !== root.dataset.stage) { showStage(signal.stage); }
    followStage(signal.media || 0);
    if (live && !wanted) {
      wanted = true;
      attempt = 0;
      start();
    } else if (!live && wanted) {
      wanted = false;
      stopMedia();
      setState('idle');
    }
  };
  events.onerror = () => {
    // EventSource reconnects by itself; a refused stream (403: access ended) closes it for good.
    if (events.readyState === EventSource.CLOSED) { accessEnded('REVOKED'); }
  };

  document.getElementById('leave').addEventListener('click', async () => {
    wanted = false;
    stopMedia();
    events.close();
    await fetch('/attend/' + webinar + '/leave', {method: 'POST'}).catch(() => {});
    window.location.reload();
  });
  window.addEventListener('pagehide', () => { wanted = false; stopMedia(); });
  showStage(root.dataset.stage);
})();
