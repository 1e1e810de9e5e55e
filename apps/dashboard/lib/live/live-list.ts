import { applyEvents, fromList, type ListState } from './list-state.ts';
import type { ApiProblem, KubeObject, WatchEvent } from './types.ts';

export interface WatchSink<T extends KubeObject> {
  /** The subscription is established (the socket is connected). */
  open(): void;
  event(event: WatchEvent<T>): void;
  error(problem: ApiProblem): void;
  /** The server ended the stream (e.g. the watcher fell behind): resume from the last version. */
  complete(): void;
}

/** Where a live list gets its data: a list query and a watch subscription. */
export interface LiveListSource<T extends KubeObject> {
  list(): Promise<{ items: T[]; resourceVersion: string }>;
  watch(resourceVersion: string, sink: WatchSink<T>): () => void;
}

export type LivePhase = 'loading' | 'live' | 'reconnecting' | 'error';

export interface LiveSnapshot<T extends KubeObject> {
  phase: LivePhase;
  items: readonly T[];
  resourceVersion?: string;
  /** A terminal problem (e.g. an invalid label selector): shown, not retried. */
  problem?: ApiProblem;
}

export interface LiveListOptions {
  /** Events arriving within this window are applied (and rendered) together. */
  flushDelayMs?: number;
  /** Delay before the n-th consecutive retry (0-based). */
  retryDelayMs?: (attempt: number) => number;
}

const defaultRetryDelay = (attempt: number) => Math.min(250 * 2 ** attempt, 5000);

/** Codes the API answers for a request that will fail the same way when retried. */
const TERMINAL = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

/**
 * List, then watch from the list's resourceVersion, patching the cached list; relist on
 * EXPIRED; on a dropped socket or an ended stream, watch again from the latest version
 * with back-off. Framework-free: React reads it through subscribe/getSnapshot.
 */
export class LiveList<T extends KubeObject> {
  private state?: ListState<T>;
  private snapshot: LiveSnapshot<T> = { phase: 'loading', items: [] };
  private readonly listeners = new Set<() => void>();
  private pending: WatchEvent<T>[] = [];
  private flushTimer?: ReturnType<typeof setTimeout>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private unwatch?: () => void;
  private attempt = 0;
  private stopped = false;
  private generation = 0;
  private readonly flushDelayMs: number;
  private readonly retryDelayMs: (attempt: number) => number;

  constructor(
    private readonly source: LiveListSource<T>,
    options: LiveListOptions = {},
  ) {
    this.flushDelayMs = options.flushDelayMs ?? 30;
    this.retryDelayMs = options.retryDelayMs ?? defaultRetryDelay;
  }

  start(): void {
    this.stopped = false;
    void this.relist();
  }

  stop(): void {
    this.stopped = true;
    this.generation++;
    this.unwatch?.();
    this.unwatch = undefined;
    clearTimeout(this.flushTimer);
    clearTimeout(this.retryTimer);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveSnapshot<T> => this.snapshot;

  private async relist(): Promise<void> {
    const generation = ++this.generation;
    this.unwatch?.();
    this.unwatch = undefined;
    this.pending = [];
    try {
      const list = await this.source.list();
      if (generation !== this.generation) return;
      this.state = fromList(list.items, list.resourceVersion);
      this.attempt = 0;
      this.publish('live');
      this.watch(generation);
    } catch (error) {
      if (generation !== this.generation) return;
      const problem = error as ApiProblem;
      if (problem.code && TERMINAL.has(problem.code)) {
        this.publish('error', problem);
        return;
      }
      this.publish('reconnecting');
      this.retryLater(() => void this.relist());
    }
  }

  private watch(generation: number): void {
    const state = this.state!;
    this.unwatch = this.source.watch(state.resourceVersion, {
      open: () => {
        if (generation !== this.generation) return;
        this.attempt = 0;
        if (this.snapshot.phase === 'reconnecting') this.publish('live');
      },
      event: (event) => {
        if (generation !== this.generation) return;
        this.pending.push(event);
        this.flushTimer ??= setTimeout(() => this.flush(), this.flushDelayMs);
      },
      error: (problem) => {
        if (generation !== this.generation) return;
        this.flush();
        if (problem.code === 'EXPIRED') return void this.relist();
        if (problem.code && TERMINAL.has(problem.code)) return this.publish('error', problem);
        this.resume();
      },
      complete: () => {
        if (generation !== this.generation) return;
        this.flush();
        this.resume();
      },
    });
  }

  /** Watch again from the latest version applied, after a back-off. */
  private resume(): void {
    const generation = ++this.generation;
    this.unwatch?.();
    this.unwatch = undefined;
    this.publish('reconnecting');
    this.retryLater(() => {
      if (generation === this.generation) this.watch(generation);
    });
  }

  private retryLater(run: () => void): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(run, this.retryDelayMs(this.attempt++));
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.state || this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    const next = applyEvents(this.state, events);
    if (next === this.state) return;
    this.state = next;
    // Any event means the stream is flowing again.
    this.publish(this.snapshot.phase === 'reconnecting' ? 'live' : this.snapshot.phase);
  }

  private publish(phase: LivePhase, problem?: ApiProblem): void {
    // Keep the same items array while the map is unchanged (a BOOKMARK), so React skips work.
    const items = !this.state ? [] : this.publishedItems === this.state.items ? this.snapshot.items : [...this.state.items.values()];
    this.publishedItems = this.state?.items;
    this.snapshot = { phase, items, resourceVersion: this.state?.resourceVersion, problem: phase === 'error' ? problem : undefined };
    for (const listener of this.listeners) listener();
  }

  private publishedItems?: ReadonlyMap<string, T>;
}
