/**
 * Exponential backoff with jitter: 100 ms doubling to 5 s by default. The jitter
 * (each delay drawn from [d/2, d]) keeps every watcher of a restarted API server
 * from reconnecting in the same millisecond.
 */
export function backoffDelay(attempt: number, baseMs = 100, maxMs = 5000, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return ceiling / 2 + (random() * ceiling) / 2;
}

export class Backoff {
  private attempt = 0;

  constructor(
    private readonly baseMs = 100,
    private readonly maxMs = 5000,
  ) {}

  next(): number {
    return backoffDelay(this.attempt++, this.baseMs, this.maxMs);
  }

  /** Call after a success so the next failure starts from the base delay again. */
  reset(): void {
    this.attempt = 0;
  }
}

/** Resolves after `ms`, or at once when `signal` aborts, so a closing client never waits out a timer. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
