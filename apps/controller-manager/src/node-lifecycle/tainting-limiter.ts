// Kubernetes adds NoExecute taints through a rate-limited queue per zone
// (--node-eviction-rate, 0.1 nodes/s; --secondary-node-eviction-rate, 0.01, in a
// partially disrupted large zone), so a wave of failing nodes empties them one by one
// rather than all at once.
import { BucketRateLimiter, type Clock } from '@wheelhouse/controller-runtime';

export interface TaintingRates {
  /** Nodes per second; 0 or less: no limit. */
  normal: number;
  secondary: number;
}

export class TaintingLimiter {
  private readonly buckets = new Map<string, { qps: number; limiter: BucketRateLimiter }>();
  /** A node that took a future token keeps it: when it is due (ms). */
  private readonly reserved = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly rates: TaintingRates,
  ) {}

  /** How long `node` must wait before its NoExecute taint may be added; 0: now. */
  admit(node: string, zone: string, rate: 'normal' | 'secondary'): number {
    const now = this.clock.now();
    const due = this.reserved.get(node);
    if (due !== undefined) {
      if (due > now) return due - now;
      this.reserved.delete(node);
      return 0;
    }
    const qps = rate === 'normal' ? this.rates.normal : this.rates.secondary;
    if (!(qps > 0)) return 0;
    let bucket = this.buckets.get(zone);
    // A zone whose rate changed gets a fresh limiter, as Kubernetes swaps it.
    if (!bucket || bucket.qps !== qps) {
      bucket = { qps, limiter: new BucketRateLimiter(this.clock, qps, 1) };
      this.buckets.set(zone, bucket);
    }
    const wait = bucket.limiter.when(node);
    if (wait <= 0) return 0;
    this.reserved.set(node, now + wait);
    return wait;
  }

  /** The node needs no tainting any more (it recovered): it gives up its reservation. */
  release(node: string): void {
    this.reserved.delete(node);
  }
}
