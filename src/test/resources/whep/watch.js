// Watches a room over WHEP as an attendee page does: recvonly video and audio, non-trickle, and
// reconnecting by itself when the connection fails or video stops arriving for 2 s (a viewer
// worker that died). Returns {status, location} or {status, body, retryAfter} on refusal.
async ([whepUrl, pass, name]) => {
  window.plenumViewers = window.plenumViewers || {};
  const viewer = window.plenumViewers[name] = window.plenumViewers[name] || {connects: 0, reconnects: 0};
  if (!viewer.video) {
    viewer.video = Object.assign(document.createElement('video'), {muted: true, autoplay: true, playsInline: true,
      id: 'whep-viewer-' + name});
    document.body.appendChild(viewer.video);
  }
  const reconnect = (pc) => {
    if (viewer.pc !== pc) return;
    viewer.pc = null;
    clearInterval(viewer.stallWatch);
    pc.close();
    if (viewer.location) {
      fetch(viewer.location, {method: 'DELETE', headers: {'Authorization': 'Bearer ' + pass}}).catch(() => {});
    }
    viewer.reconnects++;
    const retry = async () => {
      const result = await connect();
      if (result.status !== 201) setTimeout(retry, 500);
    };
    setTimeout(retry, 200);
  };
  const connect = async () => {
    const pc = new RTCPeerConnection(window.plenumRtcConfig || {});  // a test may set ICE servers and policy
    pc.addTransceiver('video', {direction: 'recvonly'});
    pc.addTransceiver('audio', {direction: 'recvonly'});
    const stream = new MediaStream();
    pc.ontrack = event => {
      stream.addTrack(event.track);
      viewer.video.srcObject = stream;
      viewer.video.play().catch(() => {});
    };
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise(resolve => {
      if (pc.iceGatheringState === 'complete') { resolve(); return; }
      pc.addEventListener('icegatheringstatechange', () => { if (pc.iceGatheringState === 'complete') resolve(); });
    });
    let response;
    try {
      response = await fetch(whepUrl, {method: 'POST', body: pc.localDescription.sdp,
        headers: {'Content-Type': 'application/sdp', 'Authorization': 'Bearer ' + pass}});
    } catch (e) {
      pc.close();
      return {status: 0, body: String(e)};
    }
    if (response.status !== 201) {
      pc.close();
      return {status: response.status, body: await response.text(), retryAfter: response.headers.get('Retry-After')};
    }
    await pc.setRemoteDescription({type: 'answer', sdp: await response.text()});
    viewer.pc = pc;
    viewer.location = new URL(response.headers.get('Location'), whepUrl).toString();
    viewer.connects++;
    pc.addEventListener('connectionstatechange', () => {
      if (pc.connectionState === 'failed' || pc.connectionState === 'disconnected') reconnect(pc);
    });
    let lastBytes = -1, lastChange = Date.now();
    const answeredAt = Date.now();
    viewer.noVideoRestarts = viewer.noVideoRestarts || 0;
    viewer.stallWatch = setInterval(async () => {
      let bytes = 0, frames = 0;
      (await pc.getStats()).forEach(report => {
        if (report.type === 'inbound-rtp' && report.kind === 'video') {
          bytes = report.bytesReceived || 0;
          frames = report.framesDecoded || 0;
        }
      });
      if (bytes !== lastBytes) { lastBytes = bytes; lastChange = Date.now(); }
      else if (bytes > 0 && Date.now() - lastChange > 2000) reconnect(pc);
      // No video at all 6 s after the answer (a negotiation that left video out): start over, at most twice.
      else if (frames === 0 && Date.now() - answeredAt > 6000 && viewer.noVideoRestarts < 2) {
        viewer.noVideoRestarts++;
        reconnect(pc);
      }
    }, 250);
    return {status: 201, location: viewer.location};
  };
  return await connect();
}
