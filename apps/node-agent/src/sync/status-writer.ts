// Pod status writes, coalesced per pod and sent in batches (patchPodsStatus: many pods
// per call and per commit). Only the latest status of a pod is sent, never one that
// equals what the API already has, and never two of the same pod at once (a later
// batch could otherwise land first).
import { hasCode } from '@wheelhouse/client';
import type { PodStatus } from '@wheelhouse/model';
import { coveredBy } from './same-json.js';

export interface StatusItem {
  namespace: string;
  name: string;
  patch: { status: PodStatus };
}

export interface StatusWriterOptions {
  /** One bulk call; rejects when the whole batch failed. */
  send(items: StatusItem[]): Promise<void>;
  batchMs: number;
  batchMax: number;
  /**
   * A pod's first report, while it is still Pending, waits this long for news: a pod that
   * starts quickly then costs one write (Running) instead of two.
   */
  firstPendingDelayMs?: number;
  maxInFlight: number;
  log(message: string, error?: unknown): void;
}

interface Pending {
  item: StatusItem;
  waiters: (() => void)[];
  /** Not sent before this time (ms since epoch). */
  notBefore: number;
}

export class StatusWriter {
  private readonly pending = new Map<string, Pending>();
  private readonly lastSent = new Map<string, PodStatus>();
  private readonly inFlightKeys = new Set<string>();
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Pods written, calls made: for logs and benchmarks. */
  readonly stats = { pods: 0, calls: 0, failures: 0 };

  constructor(private readonly o: StatusWriterOptions) {}

  /**
   * The pod's status is now `status`. Skipped when it matches what was last sent or,
   * before anything was sent, what the API holds (`current`).
   */
  set(key: string, namespace: string, name: string, status: PodStatus, current?: PodStatus): void {
    if (this.stopped) return;
    const reference = this.pending.get(key)?.item.patch.status ?? this.lastSent.get(key) ?? current;
    if (coveredBy(status as Record<string, unknown>, reference as Record<string, unknown> | undefined)) return;
    const earlier = this.pending.get(key);
    const first = !this.lastSent.has(key) && !this.inFlightKeys.has(key);
    const hold = first && status.phase === 'Pending' ? (this.o.firstPendingDelayMs ?? 0) : 0;
    const notBefore = hold ? (earlier?.notBefore ?? Date.now() + hold) : 0;
    this.pending.set(key, { item: { namespace, name, patch: { status } }, waiters: earlier?.waiters ?? [], notBefore });
    this.schedule();
  }

  /** Resolves once what is pending for the pod has been written (or given up). */
  flushed(key: string): Promise<void> {
    const pending = this.pending.get(key);
    if (!pending && !this.inFlightKeys.has(key)) return Promise.resolve();
    return new Promise((resolve) => {
      if (pending) pending.waiters.push(resolve);
      else this.afterInFlight(key, resolve);
      this.schedule(0);
    });
  }

  /** The pod is gone: nothing more to write, nothing to remember. */
  forget(key: string): void {
    const pending = this.pending.get(key);
    this.pending.delete(key);
    this.lastSent.delete(key);
    for (const w of pending?.waiters ?? []) w();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Sends what is pending now (held reports too), waiting at most `timeoutMs`: for a clean shutdown. */
  async drain(timeoutMs: number): Promise<void> {
    const keys = [...this.pending.keys(), ...this.inFlightKeys];
    const all = Promise.all(keys.map((k) => this.flushed(k)));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
  }

  private readonly inFlightWaiters = new Map<string, (() => void)[]>();
  private afterInFlight(key: string, callback: () => void): void {
    const list = this.inFlightWaiters.get(key) ?? [];
    list.push(callback);
    this.inFlightWaiters.set(key, list);
  }

  private schedule(delay = this.o.batchMs): void {
    if (this.stopped) return;
    if (this.timer && delay > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, delay);
  }

  private flush(): void {
    while (this.inFlight < this.o.maxInFlight) {
      const batch: [string, Pending][] = [];
      const now = Date.now();
      let held = false;
      for (const entry of this.pending) {
        if (this.inFlightKeys.has(entry[0])) continue;
        if (entry[1].notBefore > now && entry[1].waiters.length === 0) {
          held = true;
          continue;
        }
        batch.push(entry);
        if (batch.length >= this.o.batchMax) break;
      }
      if (batch.length === 0) {
        if (held) this.schedule();
        return;
      }
      for (const [key] of batch) {
        this.pending.delete(key);
        this.inFlightKeys.add(key);
      }
      this.inFlight++;
      void this.write(batch).finally(() => {
        this.inFlight--;
        for (const [key, p] of batch) {
          this.inFlightKeys.delete(key);
          for (const w of p.waiters) w();
          for (const w of this.inFlightWaiters.get(key) ?? []) w();
          this.inFlightWaiters.delete(key);
        }
        if (this.pending.size > 0) this.schedule(this.pending.size >= this.o.batchMax ? 0 : this.o.batchMs);
      });
    }
  }

  private async write(batch: [string, Pending][]): Promise<void> {
    try {
      await this.o.send(batch.map(([, p]) => p.item));
    } catch (error) {
      this.stats.failures++;
      await this.afterFailure(batch, error);
      return;
    }
    this.stats.calls++;
    this.stats.pods += batch.length;
    for (const [key, p] of batch) this.lastSent.set(key, p.item.patch.status);
  }

  /**
   * The batch is all or nothing. A pod deleted meanwhile (NOT_FOUND) or one bad item
   * would sink the others: send them one by one. A transient failure: try again later.
   */
  private async afterFailure(batch: [string, Pending][], error: unknown): Promise<void> {
    if (hasCode(error, 'UNAVAILABLE') || hasCode(error, 'CLOSED')) {
      if (this.stopped) return;
      for (const [key, p] of batch) if (!this.pending.has(key)) this.pending.set(key, { item: p.item, waiters: [], notBefore: 0 });
      await new Promise((r) => setTimeout(r, 1000));
      return;
    }
    if (batch.length === 1) {
      const [key, p] = batch[0]!;
      if (!hasCode(error, 'NOT_FOUND')) this.o.log(`status of pod ${p.item.namespace}/${p.item.name}`, error);
      this.lastSent.delete(key);
      return;
    }
    for (const entry of batch) {
      try {
        await this.o.send([entry[1].item]);
        this.lastSent.set(entry[0], entry[1].item.patch.status);
        this.stats.calls++;
        this.stats.pods++;
      } catch (e) {
        await this.afterFailure([entry], e);
      }
    }
  }
}
