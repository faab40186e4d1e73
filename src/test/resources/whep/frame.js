// What a viewer sees now: playback position, size, the mean brightness of a sample of pixels
// drawn through a canvas (black video has ~0), frames decoded, and how often it (re)connected.
async (name) => {
  const viewer = window.plenumViewers[name];
  const video = viewer.video;
  let brightness = 0;
  if (video.videoWidth > 0) {
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d');
    context.drawImage(video, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let sum = 0, count = 0;
    for (let i = 0; i < pixels.length; i += 4 * 101) { sum += pixels[i] + pixels[i + 1] + pixels[i + 2]; count++; }
    brightness = sum / count / 3;
  }
  let framesDecoded = 0, keyFramesDecoded = 0;
  if (viewer.pc) {
    (await viewer.pc.getStats()).forEach(report => {
      if (report.type === 'inbound-rtp' && report.kind === 'video') {
        framesDecoded = report.framesDecoded || 0;
        keyFramesDecoded = report.keyFramesDecoded || 0;
      }
    });
  }
  return {currentTime: video.currentTime, width: video.videoWidth, height: video.videoHeight, brightness,
    framesDecoded, keyFramesDecoded, connects: viewer.connects, reconnects: viewer.reconnects,
    connected: !!viewer.pc && viewer.pc.connectionState === 'connected', location: viewer.location || null};
}
