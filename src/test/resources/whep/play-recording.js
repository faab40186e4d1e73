// Plays a recording as the attendee page does (a <video> with the playback URL), seeks to the
// middle and plays on: {duration, seekedTo, after} or {error}.
async (url) => {
  const video = document.createElement('video');
  video.muted = true;
  video.src = url;
  document.body.appendChild(video);
  try {
    await new Promise((resolve, reject) => {
      video.onloadedmetadata = resolve;
      video.onerror = () => reject(new Error('media error ' + (video.error && video.error.code)));
      setTimeout(() => reject(new Error('no metadata within 20 s')), 20000);
    });
    const duration = video.duration;
    await new Promise(resolve => { video.onseeked = resolve; video.currentTime = duration / 2; setTimeout(resolve, 10000); });
    const seekedTo = video.currentTime;
    await video.play();
    await new Promise(resolve => setTimeout(resolve, 1500));
    return {duration, seekedTo, after: video.currentTime};
  } catch (e) {
    return {error: String(e)};
  } finally {
    video.pause();
    video.remove();
  }
}
