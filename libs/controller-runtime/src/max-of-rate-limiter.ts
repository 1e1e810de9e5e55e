import type { RateLimiter } from './rate-limiter.js';

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
