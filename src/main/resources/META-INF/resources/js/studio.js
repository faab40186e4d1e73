// The host's studio: preview, go live over WHIP (camera + microphone, optionally the screen as a
// second session), live/recording state from the room's server-sent events, stop.
(function () {
  'use strict';
  const studio = document.getElementById('studio');
  if (!studio) { return; }
  const room = studio.dataset.room;
  const state = document.getElementById('studio-state');
  const preview = document.getElementById('preview');
  const camera = document.getElementById('camera');
  const microphone = document.getElementById('microphone');
  const shareScreen = document.getElementById('share-screen');
  const goLive = document.getElementById('go-live');
  const stop = document.getElementById('stop');
  const record = document.getElementById('record');
  const error = document.getElementById('studio-error');
  const practice = document.getElementById('practice');
  const openDoors = document.getElementById('open-doors');
  let audienceOpen = state.dataset.audienceOpen !== 'false';
  const sessions = [];
  let local = null;
  let recording = state.dataset.rec === 'true';

  function show(status, reason) {
    let text = state.dataset.offline;
    if (status === 'STARTING') { text = state.dataset.connecting; }
    if (status === 'LIVE') { text = !audienceOpen ? state.dataset.backstage : (recording ? state.dataset.recording : state.dataset.live); }
    if (status === 'ENDED') { text = reason === 'MEDIA_FAILURE' ? state.dataset.failure : state.dataset.ended; }
    state.textContent = text;
    state.dataset.status = status;
    state.classList.toggle('pill-live', status === 'LIVE');
    state.classList.toggle('pill-refused', status === 'ENDED' && reason === 'MEDIA_FAILURE');
    const live = status === 'LIVE' || status === 'STARTING';
    goLive.disabled = live;
    stop.disabled = !live;
    record.disabled = status !== 'LIVE';
    openDoors.hidden = status !== 'LIVE' || audienceOpen;
    practice.disabled = live;
    record.textContent = recording ? record.dataset.stop : record.dataset.start;
  }

  async function fillDevices() {
    const devices = await navigator.mediaDevices.enumerateDevices();
    for (const [select, kind] of [[camera, 'videoinput'], [microphone, 'audioinput']]) {
      select.replaceChildren(...devices.filter(d => d.kind === kind).map((d, i) => {
        const option = document.createElement('option');
        option.value = d.deviceId;
        option.textContent = d.label || kind + ' ' + (i + 1);
        return option;
      }));
    }
  }

  async function startPreview() {
    if (local) { local.getTracks().forEach(t => t.stop()); }
    local = await navigator.mediaDevices.getUserMedia({
      video: camera.value ? {deviceId: {exact: camera.value}, width: 1280, height: 720} : {width: 1280, height: 720},
      audio: microphone.value ? {deviceId: {exact: microphone.value}} : true
    });
    preview.srcObject = local;
  }

  async function publish(stream) {
    // TURN relays for hosts behind strict NATs and firewalls (credentials minted with the page).
    const pc = new RTCPeerConnection({iceServers: JSON.parse(studio.dataset.iceServers || '[]')});
    stream.getTracks().forEach(track => pc.addTransceiver(track, {direction: 'sendonly', streams: [stream]}));
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise(resolve => {
      if (pc.iceGatheringState === 'complete') { resolve(); return; }
      pc.addEventListener('icegatheringstatechange', () => { if (pc.iceGatheringState === 'complete') { resolve(); } });
      setTimeout(resolve, 2000);
    });
    const response = await fetch('/host/studio/rooms/' + room + '/whip', {method: 'POST',
      headers: {'Content-Type': 'application/sdp'}, body: pc.localDescription.sdp});
    if (response.status !== 201) {
      pc.close();
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || ('HTTP ' + response.status));
    }
    await pc.setRemoteDescription({type: 'answer', sdp: await response.text()});
    sessions.push({pc, stream, location: response.headers.get('Location')});
  }

  async function endAll() {
    while (sessions.length) {
      const session = sessions.pop();
      await fetch(session.location, {method: 'DELETE'}).catch(() => {});
      session.pc.close();
      if (session.stream !== local) { session.stream.getTracks().forEach(t => t.stop()); }
    }
  }

  goLive.addEventListener('click', async () => {
    error.textContent = '';
    show('STARTING');
    try {
      // Practice mode is chosen before going live: attendees stay in the lobby until the doors open.
      const doors = await fetch('/host/studio/rooms/' + room + '/audience?open=' + !practice.checked, {method: 'POST'});
      if (doors.ok) { audienceOpen = (await doors.json()).audienceOpen; }
      await startPreview();
      await publish(local);
      // The room is live once the first session is answered; the server-sent events confirm it.
      show('LIVE');
      if (shareScreen.checked) {
        await publish(await navigator.mediaDevices.getDisplayMedia({video: true, audio: false}));
      }
    } catch (e) {
      error.textContent = e.message;
      await endAll();
      show('READY');
    }
  });

  stop.addEventListener('click', async () => {
    await endAll();
    const response = await fetch('/host/studio/rooms/' + room + '/end', {method: 'POST'});
    if (response.ok) {
      const view = await response.json();
      recording = view.recording;
      show(view.status, view.endedReason);
    } else {
      const problem = await response.json().catch(() => ({}));
      error.textContent = problem.detail || ('HTTP ' + response.status);
    }
  });

  record.addEventListener('click', async () => {
    const response = await fetch('/host/studio/rooms/' + room + '/recording?on=' + !recording, {method: 'POST'});
    if (response.ok) {
      const view = await response.json();
      recording = view.recording;
      show(view.status, view.endedReason);
    }
  });

  openDoors.addEventListener('click', async () => {
    const response = await fetch('/host/studio/rooms/' + room + '/audience?open=true', {method: 'POST'});
    if (response.ok) {
      const view = await response.json();
      audienceOpen = view.audienceOpen;
      recording = view.recording;
      show(view.status, view.endedReason);
    } else {
      const problem = await response.json().catch(() => ({}));
      error.textContent = problem.detail || ('HTTP ' + response.status);
    }
  });

  camera.addEventListener('change', () => { if (!sessions.length) { startPreview(); } });
  microphone.addEventListener('change', () => { if (!sessions.length) { startPreview(); } });

  const events = new EventSource('/host/studio/rooms/' + room + '/events');
  events.onmessage = message => {
    const signal = JSON.parse(message.data);
    recording = signal.recording;
    show(signal.status, signal.endedReason);
    if (signal.status === 'ENDED') { endAll(); }
  };

  show(state.dataset.status === 'LIVE' ? 'LIVE' : (state.dataset.status === 'ENDED' ? 'ENDED' : 'READY'), state.dataset.reason);
  startPreview().then(fillDevices).catch(e => { error.textContent = e.message; });
})();
