import { realClock, type Clock } from './clock.js';

/** client-go's ExpectationsTimeout: a write whose event never arrives stops blocking after this. */
export const EXPECTATIONS_TTL_MS = 5 * 60 * 1000;

interface Expectation {
  /** Creations still to be seen in the informer. */
  creations: number;
  /** Deletions still to be seen, by uid. */
  deletions: Set<string>;
  /** When these expectations were set. */
  setAt: number;
}

/**
 * Remembers the creations and deletions a controller has sent but not yet seen
 * come back through its informer (client-go ControllerExpectations with
 * UIDTrackingControllerExpectations' deletions by uid). Until they are seen the
 * cache is behind the controller's own writes, so a reconcile that trusted it
 * would create or delete the same things twice: it should wait for satisfied().
 */
export class Expectations {
  private readonly byKey = new Map<string, Expectation>();

  constructor(
    private readonly clock: Clock = realClock,
    private readonly ttlMs = EXPECTATIONS_TTL_MS,
  ) {}

  /** About to create `count` objects for `key`: replaces its creation count. */
  expectCreations(key: string, count: number): void {
    const e = this.entry(key);
    e.creations = count;
    e.setAt = this.clock.now();
  }

  /** About to delete the objects with these uids for `key`: replaces its pending deletions. */
  expectDeletions(key: string, uids: Iterable<string>): void {
    const e = this.entry(key);
    e.deletions = new Set(uids);
    e.setAt = this.clock.now();
  }

  /** The informer saw one of the creations, or a create call failed (it will never be seen). */
  creationObserved(key: string): void {
    const e = this.byKey.get(key);
    if (e && e.creations > 0) e.creations--;
  }

  /** The informer saw the deletion of `uid`, or the delete call failed. */
  deletionObserved(key: string, uid: string): void {
    this.byKey.get(key)?.deletions.delete(uid);
  }

  /**
   * True when the controller may act on its cache for `key`: nothing expected,
   * everything expected seen, or the expectations are older than the TTL (an
   * event was lost; better to act again than to stall forever).
   */
  satisfied(key: string): boolean {
    const e = this.byKey.get(key);
    if (!e) return true;
    if (e.creations <= 0 && e.deletions.size === 0) return true;
    return this.clock.now() - e.setAt > this.ttlMs;
  }

  /** The owner itself is gone: forget about it. */
  delete(key: string): void {
    this.byKey.delete(key);
  }

  /** Pending counts, for logs and tests. */
  pending(key: string): { creations: number; deletions: string[] } | undefined {
    const e = this.byKey.get(key);
    return e && { creations: Math.max(0, e.creations), deletions: [...e.deletions] };
  }

  private entry(key: string): Expectation {
    let e = this.byKey.get(key);
    if (!e) {
      e = { creations: 0, deletions: new Set(), setAt: this.clock.now() };
      this.byKey.set(key, e);
    }
    return e;
  }
}
