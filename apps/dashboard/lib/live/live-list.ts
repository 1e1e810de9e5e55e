import { addPage, applyEvents, fromList, type ListState } from './list-state.ts';
import { defaultScheduler, timerScheduler, type FlushScheduler } from './flush-scheduler.ts';
import type { ApiProblem, KubeObject, WatchEvent } from './types.ts';

export interface WatchSink<T extends KubeObject> {
  /** The subscription is established (the socket is connected). */
  open(): void;
  event(event: WatchEvent<T>): void;
  error(problem: ApiProblem): void;
  /** The server ended the stream (e.g. the watcher fell behind): resume from the last version. */
  complete(): void;
}

/** One page of a list; `continue` asks for the next page of the same snapshot (resourceVersion). */
export interface ListPage<T extends KubeObject> {
  items: T[];
  resourceVersion: string;
  continue?: string;
}

/** Where a live list gets its data: a (paged) list query and a watch subscription. */
export interface LiveListSource<T extends KubeObject> {
  list(page?: { limit?: number; continue?: string }): Promise<ListPage<T>>;
  watch(resourceVersion: string, sink: WatchSink<T>): () => void;
}

export type LivePhase = 'loading' | 'live' | 'reconnecting' | 'error';

export interface LiveSnapshot<T extends KubeObject> {
  phase: LivePhase;
  items: readonly T[];
  resourceVersion?: string;
  /** A terminal problem (e.g. an invalid label selector): shown, not retried. */
  problem?: ApiProblem;
  /** The first pages are shown while later pages of the initial list are still coming. */
  partial?: boolean;
}

export interface LiveListOptions {
  /** Events arriving within this window are applied (and rendered) together (when no `scheduler` is given). */
  flushDelayMs?: number;
  /** When pending events are applied: once per animation frame in the browser (see flush-scheduler.ts). */
  scheduler?: FlushScheduler;
  /** The initial list's first page (shown at once), then the size of the following pages. */
  firstPageSize?: number;
  pageSize?: number;
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
  private cancelFlush?: () => void;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private unwatch?: () => void;
  private attempt = 0;
  private stopped = false;
  private generation = 0;
  private readonly scheduler: FlushScheduler;
  private readonly retryDelayMs: (attempt: number) => number;
  private readonly firstPageSize: number;
  private readonly pageSize: number;

  constructor(
    private readonly source: LiveListSource<T>,
    options: LiveListOptions = {},
  ) {
    this.scheduler = options.scheduler ?? (options.flushDelayMs !== undefined ? timerScheduler(options.flushDelayMs) : defaultScheduler());
    this.retryDelayMs = options.retryDelayMs ?? defaultRetryDelay;
    this.firstPageSize = options.firstPageSize ?? 500;
    this.pageSize = options.pageSize ?? 2500;
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
    this.cancelFlush?.();
    this.cancelFlush = undefined;
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
      // The first page is shown at once; later pages of the same snapshot join it, then
      // the watch starts from the snapshot's version, so nothing between pages is missed.
      let page = await this.source.list({ limit: this.firstPageSize });
      if (generation !== this.generation) return;
      this.state = fromList(page.items, page.resourceVersion);
      while (page.continue) {
        this.publish('loading', undefined, true);
        page = await this.source.list({ limit: this.pageSize, continue: page.continue });
        if (generation !== this.generation) return;
        this.state = addPage(this.state, page.items);
      }
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
        this.cancelFlush ??= this.scheduler(() => this.flush());
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
    this.cancelFlush?.();
    this.cancelFlush = undefined;
    if (!this.state || this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    const next = applyEvents(this.state, events);
    if (next === this.state) return;
    this.state = next;
    // Any event means the stream is flowing again.
    this.publish(this.snapshot.phase === 'reconnecting' ? 'live' : this.snapshot.phase);
  }

  private publish(phase: LivePhase, problem?: ApiProblem, partial = false): void {
    // Keep the same items array while the map is unchanged (a BOOKMARK), so React skips work.
    const items = !this.state ? [] : this.publishedItems === this.state.items ? this.snapshot.items : [...this.state.items.values()];
    this.publishedItems = this.state?.items;
    this.snapshot = { phase, items, resourceVersion: this.state?.resourceVersion, problem: phase === 'error' ? problem : undefined, partial };
    for (const listener of this.listeners) listener();
  }

  private publishedItems?: ReadonlyMap<string, T>;
}
