import { realClock, type Clock, type TimerHandle } from './clock.js';
import { Fifo } from './fifo.js';
import type { ControllerMetrics } from './metrics.js';
import { defaultControllerRateLimiter } from './default-rate-limiter.js';
import type { RateLimiter } from './rate-limiter.js';

export interface WorkQueueOptions {
  /** Labels the depth metric. */
  name?: string;
  clock?: Clock;
  /** Default: client-go's controller limiter (5 ms doubling to 1000 s per key, 10 qps / burst 100 overall). */
  rateLimiter?: RateLimiter;
  metrics?: ControllerMetrics;
}

export interface ShutDownOptions {
  /**
   * true (default): keys already queued are still handed out, and shutDown resolves
   * once they are done. false: they are dropped; only in-flight keys are waited for.
   */
  drain?: boolean;
}

/**
 * A rate-limited, de-duplicating queue of keys (client-go workqueue). A key is
 * queued at most once however often it is added; a key added while a worker
 * processes it is queued again when the worker calls done(), so the same key is
 * never processed by two workers at once, and the last change is never missed.
 */
export class WorkQueue {
  readonly name: string;
  private readonly clock: Clock;
  private readonly rateLimiter: RateLimiter;
  private readonly metrics: ControllerMetrics | undefined;
  private readonly queue = new Fifo<string>();
  /** Keys that need processing: queued, or re-added while being processed. */
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  /** Keys waiting for addAfter: only the earliest time per key is kept. */
  private readonly waiting = new Map<string, { at: number; timer: TimerHandle }>();
  private readonly getters = new Fifo<(key: string | undefined) => void>();
  private shuttingDown = false;
  private drained: (() => void) | undefined;

  constructor(options: WorkQueueOptions = {}) {
    this.name = options.name ?? 'queue';
    this.clock = options.clock ?? realClock;
    this.rateLimiter = options.rateLimiter ?? defaultControllerRateLimiter(this.clock);
    this.metrics = options.metrics;
    this.reportDepth();
  }

  /** Keys ready to be handed out (not counting those being processed or waiting). */
  get length(): number {
    return this.queue.length;
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  add(key: string): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    // The worker holding it re-queues it in done().
    if (this.processing.has(key)) return;
    this.queue.push(key);
    this.handOut();
  }

  /** Adds `key` after `ms`; a key already waiting keeps the earlier of the two times. */
  addAfter(key: string, ms: number): void {
    if (this.shuttingDown) return;
    if (ms <= 0) {
      this.add(key);
      return;
    }
    const at = this.clock.now() + ms;
    const existing = this.waiting.get(key);
    if (existing && existing.at <= at) return;
    if (existing) this.clock.clearTimeout(existing.timer);
    const timer = this.clock.setTimeout(() => {
      this.waiting.delete(key);
      this.add(key);
    }, ms);
    this.waiting.set(key, { at, timer });
  }

  /** Adds `key` once the rate limiter allows: after a failure. */
  addRateLimited(key: string): void {
    this.addAfter(key, this.rateLimiter.when(key));
  }

  /** The key succeeded: reset its backoff. Does not remove it from the queue. */
  forget(key: string): void {
    this.rateLimiter.forget(key);
  }

  numRequeues(key: string): number {
    return this.rateLimiter.numRequeues(key);
  }

  /**
   * The next key, waiting for one if need be; undefined once the queue is shut
   * down and has nothing left to hand out. The caller must call done(key).
   */
  get(): Promise<string | undefined> {
    return new Promise((resolve) => {
      this.getters.push(resolve);
      this.handOut();
    });
  }

  /** The worker finished `key`; a re-add that arrived meanwhile is queued now. */
  done(key: string): void {
    if (!this.processing.delete(key)) return;
    if (this.dirty.has(key)) {
      this.queue.push(key);
      this.handOut();
    }
    this.checkDrained();
  }

  /**
   * Stops accepting keys, drops waiting (delayed) keys, and resolves once nothing
   * is being processed (and, when draining, nothing is queued).
   */
  shutDown(options: ShutDownOptions = {}): Promise<void> {
    this.shuttingDown = true;
    for (const { timer } of this.waiting.values()) this.clock.clearTimeout(timer);
    this.waiting.clear();
    if (options.drain === false) {
      this.queue.clear();
      this.dirty.clear();
    }
    const done = new Promise<void>((resolve) => {
      const previous = this.drained;
      this.drained = () => {
        previous?.();
        resolve();
      };
    });
    this.handOut();
    this.checkDrained();
    return done;
  }

  private handOut(): void {
    while (this.getters.length > 0 && this.queue.length > 0) {
      const key = this.queue.shift()!;
      this.dirty.delete(key);
      this.processing.add(key);
      this.getters.shift()!(key);
    }
    // Nothing more will ever come: release the waiting workers.
    if (this.shuttingDown && this.queue.length === 0) {
      for (let getter = this.getters.shift(); getter; getter = this.getters.shift()) getter(undefined);
    }
    this.reportDepth();
  }

  private checkDrained(): void {
    if (!this.shuttingDown || this.queue.length > 0 || this.processing.size > 0) return;
    const drained = this.drained;
    this.drained = undefined;
    drained?.();
  }

  private reportDepth(): void {
    this.metrics?.workqueueDepth.set({ name: this.name }, this.queue.length);
  }
}
