import { BucketRateLimiter } from './bucket-rate-limiter.js';
import type { Clock } from './clock.js';
import { ItemExponentialRateLimiter } from './item-exponential-rate-limiter.js';
import { MaxOfRateLimiter } from './max-of-rate-limiter.js';
import type { RateLimiter } from './rate-limiter.js';

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
