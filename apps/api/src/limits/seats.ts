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
  private readonly waiting: { width: number; grant: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(private readonly limits: SeatLimits) {}

  get inUse(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Resolves with the release function once `width` seats are free (APF's request
   * width: a query of 50 lists occupies 50 seats, capped at the concurrency); rejects
   * with TooManyRequests.
   */
  acquire(requestedWidth = 1): Promise<() => void> {
    const width = Math.max(1, Math.min(requestedWidth, this.limits.concurrency));
    if (this.waiting.length === 0 && this.running + width <= this.limits.concurrency) {
      this.running += width;
      return Promise.resolve(this.releaser(width));
    }
    if (this.waiting.length >= this.limits.queue) return Promise.reject(new TooManyRequests('too many requests queued'));
    return new Promise((resolve, reject) => {
      const entry = {
        width,
        grant: () => {
          clearTimeout(entry.timer);
          this.running += width;
          resolve(this.releaser(width));
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(new TooManyRequests('timed out waiting in the queue'));
        }, this.limits.queueWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  private releaser(width: number): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= width;
      // First come, first served: the oldest waiter goes first, once it fits.
      while (this.waiting[0] && this.running + this.waiting[0].width <= this.limits.concurrency) this.waiting.shift()!.grant();
    };
  }
}
