// Watches over WHEP (recvonly video+audio, non-trickle) and, for every frame the video element
// presents (requestVideoFrameCallback), reads the 32 blocks the publisher drew, decodes the
// publisher's Date.now() and records Date.now() minus it: glass-to-glass on one machine's clock.
async ([whepUrl, pass]) => {
  const pc = new RTCPeerConnection();
  pc.addTransceiver('video', {direction: 'recvonly'});
  pc.addTransceiver('audio', {direction: 'recvonly'});
  const video = Object.assign(document.createElement('video'), {muted: true, autoplay: true, playsInline: true});
  document.body.appendChild(video);
  const stream = new MediaStream();
  pc.ontrack = event => { stream.addTrack(event.track); video.srcObject = stream; video.play().catch(() => {}); };
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise(resolve => {
    if (pc.iceGatheringState === 'complete') { resolve(); return; }
    pc.addEventListener('icegatheringstatechange', () => { if (pc.iceGatheringState === 'complete') resolve(); });
  });
  const response = await fetch(whepUrl, {method: 'POST', body: pc.localDescription.sdp,
    headers: {'Content-Type': 'application/sdp', 'Authorization': 'Bearer ' + pass}});
  if (response.status !== 201) {
    pc.close();
    return {status: response.status, body: await response.text()};
  }
  await pc.setRemoteDescription({type: 'answer', sdp: await response.text()});
  const canvas = Object.assign(document.createElement('canvas'), {width: 640, height: 480});
  const g = canvas.getContext('2d', {willReadFrequently: true});
  const probe = window.plenumLatency = {samples: [], unreadable: 0, pc};
  const read = () => {
    const now = Date.now();
    if (!video.videoWidth) return;
    g.drawImage(video, 0, 0, 640, 480); // back to the drawn size, should the encoder have scaled the frame down
    const pixels = g.getImageData(0, 0, 640, 80).data;
    let stamp = 0;
    for (let bit = 0; bit < 32; bit++) {
      const x = (bit % 16) * 40 + 20, y = Math.floor(bit / 16) * 40 + 20;
      const i = (y * 640 + x) * 4;
      const luma = (pixels[i] + pixels[i + 1] + pixels[i + 2]) / 3;
      if (luma > 40 && luma < 215) { probe.unreadable++; return; } // a block between black and white: blurred, skip
      if (luma >= 128) stamp |= (1 << bit);
    }
    const latency = ((now >>> 0) - (stamp >>> 0)) >>> 0;
    if (latency < 10000) probe.samples.push(latency); else probe.unreadable++;
  };
  const onFrame = () => { read(); video.requestVideoFrameCallback(onFrame); };
  video.requestVideoFrameCallback(onFrame);
  return {status: 201};
}
