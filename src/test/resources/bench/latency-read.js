// The glass-to-glass samples so far (ms): count, unreadable frames, p50, p95, min, max; clears them.
() => {
  const probe = window.plenumLatency;
  const sorted = [...probe.samples].sort((a, b) => a - b);
  const at = p => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] : -1;
  const result = {count: sorted.length, unreadable: probe.unreadable, p50: at(0.5), p95: at(0.95),
    min: sorted.length ? sorted[0] : -1, max: sorted.length ? sorted[sorted.length - 1] : -1,
    frameWidth: document.querySelector('video') ? document.querySelector('video').videoWidth : 0};
  probe.samples = [];
  probe.unreadable = 0;
  return result;
}
