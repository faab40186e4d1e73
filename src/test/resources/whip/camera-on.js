// A publisher that went live with the camera off switches it on: the fake camera's track goes into
// the video transceiver negotiated at the start (replaceTrack, no renegotiation).
async ([location, width, height]) => {
  const publisher = window.plenumPublishers[location];
  const camera = await navigator.mediaDevices.getUserMedia({video: {width, height}});
  const track = camera.getVideoTracks()[0];
  const transceiver = publisher.pc.getTransceivers().find(t => t.receiver.track && t.receiver.track.kind === 'video');
  await transceiver.sender.replaceTrack(track);
  publisher.stream.addTrack(track);
  return {ok: true};
}
