import type { Clock } from './clock.js';
import type { RateLimiter } from './rate-limiter.js';

/**
 * An overall token bucket (client-go BucketRateLimiter over x/time/rate): `burst`
 * tokens, refilled at `qps`. Like rate.Limiter.Reserve, a retry always takes a
 * token, possibly one that only exists in the future, and waits until then, so
 * retries queue up in order instead of all firing when one token appears.
 */
export class BucketRateLimiter implements RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly clock: Clock,
    private readonly qps = 10,
    private readonly burst = 100,
  ) {
    if (!(qps > 0) || !(burst >= 1)) throw new RangeError('BucketRateLimiter needs qps > 0 and burst >= 1');
    this.tokens = burst;
    this.last = clock.now();
  }

  when(_key: string): number {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : (-this.tokens / this.qps) * 1000;
  }

  // The bucket is shared by all keys: nothing per key to forget or count.
  forget(_key: string): void {}

  numRequeues(_key: string): number {
    return 0;
  }
}
