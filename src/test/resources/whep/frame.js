// A viewer's connection now: frames decoded, how often it (re)connected; its picture is sampled by
// element-frame.js (WhepViewers merges both).
async (name) => {
  const viewer = window.plenumViewers[name];
  const video = viewer.video;
  let framesDecoded = 0, keyFramesDecoded = 0;
  if (viewer.pc) {
    (await viewer.pc.getStats()).forEach(report => {
      if (report.type === 'inbound-rtp' && report.kind === 'video') {
        framesDecoded = report.framesDecoded || 0;
        keyFramesDecoded = report.keyFramesDecoded || 0;
      }
    });
  }
  return {height: video.videoHeight, framesDecoded, keyFramesDecoded, connects: viewer.connects, reconnects: viewer.reconnects,
    connected: !!viewer.pc && viewer.pc.connectionState === 'connected', location: viewer.location || null};
}
