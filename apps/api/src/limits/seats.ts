/** Why a request was turned away: kube-apiserver's APF answers 429 with `Retry-After: 1`. */
export class TooManyRequests extends Error {
  readonly retryAfterSeconds = 1;
}

export interface SeatLimits {
  /** Requests running at once. */
  concurrency: number;
  /** Requests waiting for a seat; one more is refused at once. */
  queue: number;
  /** A request waiting longer than this is refused. */
  queueWaitMs: number;
}

/**
 * Seats of one flow, as API Priority and Fairness gives them: a fixed number run, a
 * bounded queue waits (first come, first served) for a bounded time, the rest are
 * told to come back later.
 */
export class Seats {
  private running = 0;
  private readonly waiting: { grant: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(private readonly limits: SeatLimits) {}

  get inUse(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves with the release function once a seat is free; rejects with TooManyRequests. */
  acquire(): Promise<() => void> {
    if (this.running < this.limits.concurrency) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.limits.queue) return Promise.reject(new TooManyRequests('too many requests queued'));
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          clearTimeout(entry.timer);
          this.running++;
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(new TooManyRequests('timed out waiting in the queue'));
        }, this.limits.queueWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.waiting.shift()?.grant();
    };
  }
}
