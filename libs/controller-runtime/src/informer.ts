import { watchResumable, type WatchEvent, type WatchHandle, type WheelhouseClient, type WheelhouseError } from '@wheelhouse/client';
import { realClock, type Clock, type TimerHandle } from './clock.js';
import { deepFreeze } from './deep-freeze.js';
import { Indexer, type IndexFunc } from './indexer.js';
import type { LabelMatcher } from './label-matcher.js';
import { keyOf, RUNTIME_METADATA_FIELDS, type RuntimeObject } from './object.js';

export interface InformerOptions<T = unknown> {
  /** The list field, e.g. `pods` (the watch is `watchPods`). */
  plural: string;
  /** Names the watch operation in server logs, e.g. `Pod`. */
  kind?: string;
  /** Selection of each object; the metadata the cache needs is added. */
  fields: string;
  /** Omitted or null: every namespace. */
  namespace?: string | null;
  labelSelector?: string;
  fieldSelector?: string;
  /** Re-emit onUpdate(obj, obj) for every cached object this often; 0 or omitted: never. */
  resyncMs?: number;
  pageSize?: number;
  /**
   * Reshapes each object before it is cached (client-go SetTransform), e.g. to
   * drop nulls or fields nobody reads; must keep the metadata the cache indexes.
   */
  transform?(object: T): T;
  clock?: Clock;
  /** List and watch failures; the informer retries them itself unless `willRetry` is false. */
  onError?(error: WheelhouseError, willRetry: boolean): void;
}

/** Watch handlers: they should only enqueue keys; the work belongs in reconcile. */
export interface EventHandler<T> {
  onAdd?(object: T): void;
  onUpdate?(old: T, current: T): void;
  onDelete?(object: T): void;
}

/**
 * A list+watch kept in a local, indexed cache (client-go SharedIndexInformer).
 *
 * Objects from the cache are frozen and shared: never mutate them; copy
 * (structuredClone) before building a write.
 */
export class Informer<T extends RuntimeObject> {
  private readonly store = new Indexer<T>();
  private readonly handlers = new Set<EventHandler<T>>();
  private readonly clock: Clock;
  private watch: WatchHandle | undefined;
  private resyncTimer: TimerHandle | undefined;
  private synced = false;
  private stopped = false;
  private readonly syncWaiters = new Set<(synced: boolean) => void>();

  constructor(
    private readonly client: WheelhouseClient,
    private readonly options: InformerOptions<T>,
  ) {
    this.clock = options.clock ?? realClock;
  }

  /** Starts listing and watching; idempotent. */
  start(): this {
    if (this.watch || this.stopped) return this;
    const { plural, kind, fields, namespace, labelSelector, fieldSelector, pageSize, onError } = this.options;
    this.watch = watchResumable<T>(this.client, {
      plural,
      kind,
      fields: `${RUNTIME_METADATA_FIELDS} ${fields}`,
      namespace,
      labelSelector,
      fieldSelector,
      pageSize,
      onRelist: (items) => this.relisted(items),
      onEvent: (event) => this.apply(event),
      onError,
    });
    this.scheduleResync();
    return this;
  }

  stop(): void {
    this.stopped = true;
    this.watch?.stop();
    this.clock.clearTimeout(this.resyncTimer);
    for (const waiter of this.syncWaiters) waiter(false);
    this.syncWaiters.clear();
  }

  /** True once the first list is in the cache. */
  hasSynced(): boolean {
    return this.synced;
  }

  /** Resolves true once synced, false if stopped or aborted first (client-go WaitForCacheSync). */
  waitForSync(signal?: AbortSignal): Promise<boolean> {
    if (this.synced) return Promise.resolve(true);
    if (this.stopped || signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const finish = (synced: boolean) => {
        this.syncWaiters.delete(finish);
        signal?.removeEventListener('abort', onAbort);
        resolve(synced);
      };
      const onAbort = () => finish(false);
      this.syncWaiters.add(finish);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** The revision the cache reflects. */
  get resourceVersion(): string | undefined {
    return this.watch?.resourceVersion;
  }

  /**
   * Registers handlers; returns the function that removes them. A handler added
   * after the first list hears onAdd for every cached object at once, so it never
   * misses what was there before it.
   */
  addEventHandler(handler: EventHandler<T>): () => void {
    this.handlers.add(handler);
    if (this.synced && handler.onAdd) for (const object of this.store.list()) this.call(() => handler.onAdd!(object));
    return () => this.handlers.delete(handler);
  }

  onAdd(callback: (object: T) => void): () => void {
    return this.addEventHandler({ onAdd: callback });
  }

  onUpdate(callback: (old: T, current: T) => void): () => void {
    return this.addEventHandler({ onUpdate: callback });
  }

  onDelete(callback: (object: T) => void): () => void {
    return this.addEventHandler({ onDelete: callback });
  }

  /** By `namespace/name` (cluster-scoped: `name`). Read-only. */
  get(key: string): T | undefined {
    return this.store.get(key);
  }

  /** Objects in `namespace` (omitted or null: all) matching the labels. Read-only. */
  list(namespace?: string | null, matcher?: LabelMatcher): T[] {
    return this.store.list(namespace, matcher);
  }

  /** Objects with an ownerReference to `uid`. Read-only. */
  byOwner(uid: string): T[] {
    return this.store.byOwner(uid);
  }

  keys(): string[] {
    return this.store.keys();
  }

  /**
   * Named indexes (client-go AddIndexers), e.g. `{ byNode: (pod) => [pod.spec?.nodeName ?? ''] }`.
   * Controllers sharing an informer may ask for the same name: the first definition is kept,
   * so names must mean one thing per kind (see the constants in indexers.ts).
   */
  addIndexers(indexers: Record<string, IndexFunc<T>>): this {
    for (const [name, values] of Object.entries(indexers)) if (!this.store.hasIndexer(name)) this.store.addIndexer(name, values);
    return this;
  }

  /** Cached objects filed under `value` by a named index. Read-only. */
  byIndex(name: string, value: string): T[] {
    return this.store.byIndex(name, value);
  }

  get size(): number {
    return this.store.size;
  }

  /** The first list, or a relist after EXPIRED: replace the cache, tell handlers what changed meanwhile. */
  private relisted(items: T[]): void {
    if (this.stopped) return;
    const diff = this.store.replace(items.map((item) => this.prepare(item)));
    for (const object of diff.deleted) this.emit((h) => h.onDelete?.(object));
    for (const [old, current] of diff.updated) this.emit((h) => h.onUpdate?.(old, current));
    for (const object of diff.added) this.emit((h) => h.onAdd?.(object));
    if (!this.synced) {
      this.synced = true;
      for (const waiter of this.syncWaiters) waiter(true);
      this.syncWaiters.clear();
    }
  }

  private apply(event: WatchEvent<T>): void {
    if (this.stopped) return;
    const object = this.prepare(event.object);
    if (event.type === 'DELETED') {
      // The event carries the object's last state; the cached copy may be older.
      this.store.remove(keyOf(object));
      this.emit((h) => h.onDelete?.(object));
      return;
    }
    // ADDED and MODIFIED both mean "this is the object now"; the cache decides which it is.
    const old = this.store.upsert(object);
    if (old) this.emit((h) => h.onUpdate?.(old, object));
    else this.emit((h) => h.onAdd?.(object));
  }

  private prepare(object: T): T {
    return deepFreeze(this.options.transform ? this.options.transform(object) : object);
  }

  private scheduleResync(): void {
    const period = this.options.resyncMs ?? 0;
    if (period <= 0 || this.stopped) return;
    this.resyncTimer = this.clock.setTimeout(() => {
      // Level-triggered safety net: every object is looked at again now and then.
      if (this.synced && !this.stopped) for (const object of this.store.list()) this.emit((h) => h.onUpdate?.(object, object));
      this.scheduleResync();
    }, period);
  }

  private emit(deliver: (handler: EventHandler<T>) => void): void {
    for (const handler of [...this.handlers]) this.call(() => deliver(handler));
  }

  /**
   * A throwing handler is a bug: surface it as an uncaught exception (like an
   * EventEmitter listener's) after the cache is consistent and the other handlers ran.
   */
  private call(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}
