/** Runs `flush` later, once; returns a cancel function. */
export type FlushScheduler = (flush: () => void) => () => void;

/** After a fixed delay: events within the window are applied together (Node, tests). */
export const timerScheduler =
  (delayMs: number): FlushScheduler =>
  (flush) => {
    const timer = setTimeout(flush, delayMs);
    return () => clearTimeout(timer);
  };

interface FrameClock {
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(handle: number): void;
}

/**
 * Before the next animation frame, so a burst of watch events costs one render per frame;
 * a hidden tab gets no frames, so a timer (`fallbackMs`) still applies them, keeping the
 * pending queue short.
 */
export const frameScheduler =
  (clock: FrameClock, fallbackMs = 1000): FlushScheduler =>
  (flush) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      clock.cancelAnimationFrame(frame);
      clearTimeout(timer);
      flush();
    };
    const frame = clock.requestAnimationFrame(once);
    const timer = setTimeout(once, fallbackMs);
    return () => {
      done = true;
      clock.cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  };

/** The browser's frame clock when there is one, else a 30 ms timer. */
export function defaultScheduler(): FlushScheduler {
  const clock = globalThis as Partial<FrameClock>;
  return typeof clock.requestAnimationFrame === 'function' && typeof clock.cancelAnimationFrame === 'function' ? frameScheduler(clock as FrameClock) : timerScheduler(30);
}
