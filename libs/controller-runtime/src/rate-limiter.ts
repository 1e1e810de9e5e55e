import { BucketRateLimiter } from './bucket-rate-limiter.js';
import type { Clock } from './clock.js';
import { ItemExponentialRateLimiter } from './item-exponential-rate-limiter.js';

/** How long a key waits before it is retried (client-go workqueue.RateLimiter). */
export interface RateLimiter {
  /** The delay for this retry of `key`; counts it as a failure. */
  when(key: string): number;
  /** The key succeeded: its next failure starts from the base delay again. */
  forget(key: string): void;
  /** Failures counted for `key` since the last forget. */
  numRequeues(key: string): number;
}

/** The longest delay any of its limiters asks for (client-go MaxOfRateLimiter). */
export class MaxOfRateLimiter implements RateLimiter {
  private readonly limiters: readonly RateLimiter[];

  constructor(...limiters: RateLimiter[]) {
    this.limiters = limiters;
  }

  when(key: string): number {
    // Every limiter must see the failure, so no short-circuit.
    return this.limiters.reduce((max, limiter) => Math.max(max, limiter.when(key)), 0);
  }

  forget(key: string): void {
    for (const limiter of this.limiters) limiter.forget(key);
  }

  numRequeues(key: string): number {
    return this.limiters.reduce((max, limiter) => Math.max(max, limiter.numRequeues(key)), 0);
  }
}

export interface DefaultRateLimiterOptions {
  /** First retry delay of a key. Default 5 ms. */
  baseDelayMs?: number;
  /** Ceiling of a key's delay. Default 1000 s. */
  maxDelayMs?: number;
  /** Overall retries per second, across keys. Default 10. */
  qps?: number;
  /** Retries allowed at once before qps applies. Default 100. */
  burst?: number;
}

/**
 * client-go's DefaultControllerRateLimiter: per-key exponential backoff, and an
 * overall token bucket so a burst of failing keys cannot hammer the API.
 */
export function defaultControllerRateLimiter(clock: Clock, options: DefaultRateLimiterOptions = {}): RateLimiter {
  return new MaxOfRateLimiter(
    new ItemExponentialRateLimiter(options.baseDelayMs ?? 5, options.maxDelayMs ?? 1_000_000),
    new BucketRateLimiter(clock, options.qps ?? 10, options.burst ?? 100),
  );
}
