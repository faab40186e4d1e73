// What a page's <video> element shows now: playback position, size (width, height), the mean brightness and the mean red and green of a
// sample of pixels drawn through a canvas (black video has ~0).
(selector) => {
  const video = document.querySelector(selector);
  let brightness = 0, red = 0, green = 0;
  if (video && video.videoWidth > 0) {
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d');
    context.drawImage(video, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let sum = 0, reds = 0, greens = 0, count = 0;
    for (let i = 0; i < pixels.length; i += 4 * 101) {
      sum += pixels[i] + pixels[i + 1] + pixels[i + 2]; reds += pixels[i]; greens += pixels[i + 1]; count++;
    }
    brightness = sum / count / 3;
    red = reds / count;
    green = greens / count;
  }
  return {currentTime: video ? video.currentTime : 0, width: video ? video.videoWidth : 0, height: video ? video.videoHeight : 0, brightness, red, green};
}
