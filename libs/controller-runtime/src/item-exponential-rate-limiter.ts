import type { RateLimiter } from './rate-limiter.js';

/**
 * Per-key backoff: base · 2^failures, capped (client-go
 * ItemExponentialFailureRateLimiter). A key that keeps failing waits longer and
 * longer without slowing down healthy keys.
 */
export class ItemExponentialRateLimiter implements RateLimiter {
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly baseDelayMs = 5,
    private readonly maxDelayMs = 1_000_000,
  ) {}

  when(key: string): number {
    const exponent = this.failures.get(key) ?? 0;
    this.failures.set(key, exponent + 1);
    // 2^exponent overflows to Infinity long before it matters; min() caps it.
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** exponent);
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }
}
