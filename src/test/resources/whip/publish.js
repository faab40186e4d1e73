// Publishes the fake camera and microphone to a WHIP endpoint, non-trickle, and waits until
// ICE/DTLS is connected. Returns {status, location, goLiveMs} or {status, body} on refusal.
// Width 0 plays a host whose camera is off: video is negotiated (to be turned on later) but never sent.
// A fifth argument true plays a screen share: the video is a drawn width x height canvas (the fake
// camera is one device that every page of the browser shares at the size it was first opened with).
async ([whipUrl, credential, width, height, screen]) => {
  const cameraOff = width === 0;
  let stream;
  if (screen) {
    const canvas = Object.assign(document.createElement('canvas'), {width, height});
    const context = canvas.getContext('2d');
    let frame = 0;
    setInterval(() => {
      context.fillStyle = '#c03020';
      context.fillRect(0, 0, width, height);
      context.fillStyle = '#ffffff';
      context.fillRect((frame++ * 8) % width, height / 3, width / 10, height / 3);
    }, 40);
    stream = canvas.captureStream(25);
  } else {
    stream = await navigator.mediaDevices.getUserMedia(cameraOff ? {audio: true} : {video: {width, height}, audio: true});
  }
  const pc = new RTCPeerConnection(window.plenumRtcConfig || {});  // a test may set ICE servers and policy
  stream.getTracks().forEach(track => pc.addTransceiver(track, {direction: 'sendonly', streams: [stream]}));
  if (cameraOff) {
    pc.addTransceiver('video', {direction: 'sendonly'});
  }
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise(resolve => {
    if (pc.iceGatheringState === 'complete') { resolve(); return; }
    pc.addEventListener('icegatheringstatechange', () => { if (pc.iceGatheringState === 'complete') resolve(); });
  });
  const started = performance.now();
  const response = await fetch(whipUrl, {method: 'POST', body: pc.localDescription.sdp,
    headers: credential == null ? {'Content-Type': 'application/sdp'}  // the studio: the host's session cookie
      : {'Content-Type': 'application/sdp', 'Authorization': 'Bearer ' + credential}});
  if (response.status !== 201) {
    pc.close();
    stream.getTracks().forEach(track => track.stop());
    return {status: response.status, body: await response.text()};
  }
  const answered = performance.now();
  await pc.setRemoteDescription({type: 'answer', sdp: await response.text()});
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not connected: ' + pc.connectionState)), 15000);
    const check = () => { if (pc.connectionState === 'connected') { clearTimeout(timer); resolve(); } };
    pc.addEventListener('connectionstatechange', check);
    check();
  });
  const location = new URL(response.headers.get('Location'), whipUrl).toString();
  window.plenumPublishers = window.plenumPublishers || {};
  window.plenumPublishers[location] = {pc, stream, credential, connectedAt: Date.now()};
  return {status: 201, location, goLiveMs: answered - started};
}
