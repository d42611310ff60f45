// Runs a callback on the next animation frame, or after a short timeout when frames are not
// coming (hidden or background tabs stop requestAnimationFrame; composers still appear there).
export function nextFrame(cb: () => void, fallbackMs = 100): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    cb();
  };
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, fallbackMs);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
