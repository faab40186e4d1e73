// Publishes a 640x480 canvas through WHIP (with the fake microphone), non-trickle. Every frame the
// canvas shows Date.now() of this browser as 32 black/white blocks (low 32 bits of the ms, two rows
// of 16 blocks of 40x40 px), which a viewer in the same browser reads back. Returns {status, location}.
async ([whipUrl, credential]) => {
  const canvas = Object.assign(document.createElement('canvas'), {width: 640, height: 480});
  document.body.appendChild(canvas);
  const g = canvas.getContext('2d');
  let frame = 0;
  const draw = () => {
    const stamp = Date.now() >>> 0;
    g.fillStyle = '#404040';
    g.fillRect(0, 0, 640, 480);
    for (let bit = 0; bit < 32; bit++) {
      g.fillStyle = ((stamp >>> bit) & 1) ? '#ffffff' : '#000000';
      g.fillRect((bit % 16) * 40, Math.floor(bit / 16) * 40, 40, 40);
    }
    g.fillStyle = '#ff8000';
    g.fillRect((frame++ * 7) % 600, 200, 40, 200); // motion, so the encoder works as for a camera
  };
  draw();
  window.plenumLatencyDraw = setInterval(draw, 1000 / 30);
  const video = canvas.captureStream(30);
  const audio = await navigator.mediaDevices.getUserMedia({audio: true});
  const pc = new RTCPeerConnection();
  [...video.getTracks(), ...audio.getTracks()].forEach(track => pc.addTransceiver(track, {direction: 'sendonly'}));
  await pc.setLocalDescription(await pc.createOffer());
  await new Promise(resolve => {
    if (pc.iceGatheringState === 'complete') { resolve(); return; }
    pc.addEventListener('icegatheringstatechange', () => { if (pc.iceGatheringState === 'complete') resolve(); });
  });
  const response = await fetch(whipUrl, {method: 'POST', body: pc.localDescription.sdp,
    headers: {'Content-Type': 'application/sdp', 'Authorization': 'Bearer ' + credential}});
  if (response.status !== 201) {
    pc.close();
    return {status: response.status, body: await response.text()};
  }
  await pc.setRemoteDescription({type: 'answer', sdp: await response.text()});
  window.plenumLatencyPublisher = pc;
  return {status: 201, location: new URL(response.headers.get('Location'), whipUrl).toString()};
}
