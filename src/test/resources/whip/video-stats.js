// Sender-side video statistics of a publisher (by its WHIP session URL): how many PLIs the
// browser received and how many key frames it encoded — the ground truth of a key-frame request.
async (location) => {
  const publisher = window.plenumPublishers[location];
  const stats = await publisher.pc.getStats();
  let result = {pliCount: 0, keyFramesEncoded: 0, framesEncoded: 0};
  stats.forEach(report => {
    if (report.type === 'outbound-rtp' && report.kind === 'video') {
      result = {pliCount: report.pliCount || 0, keyFramesEncoded: report.keyFramesEncoded || 0,
        framesEncoded: report.framesEncoded || 0};
    }
  });
  return result;
}
