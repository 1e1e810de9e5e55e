import { setMaxListeners } from 'node:events';
import type { Clientset, WheelhouseError } from '@wheelhouse/client';
import { stripNulls, type KindName, type ObjectTypes } from '@wheelhouse/model';
import type { Clock } from './clock.js';
import { Informer } from './informer.js';
import type { RuntimeObject } from './object.js';

export interface InformerFactoryOptions {
  /** Re-emit every cached object this often (level-triggered safety net); 0 or omitted: never. */
  resyncMs?: number;
  pageSize?: number;
  clock?: Clock;
  onError?(kind: string, error: WheelhouseError, willRetry: boolean): void;
}

export interface InformerScope {
  /** Omitted or null: every namespace. */
  namespace?: string | null;
  labelSelector?: string;
  fieldSelector?: string;
  /**
   * Less than the whole object, for a process whose busiest watch only needs a few fields
   * (the scheduler's pods); objects then hold just these fields (and the cache's metadata).
   */
  select?: string;
}

/**
 * client-go's SharedInformerFactory: one informer per kind and scope per process, shared by
 * every controller that asks for it, each object the whole typed model object (nulls
 * stripped). Ask for informers first, then `start()` and `waitForSync()` once.
 */
export class InformerFactory {
  private readonly informers = new Map<string, Informer<RuntimeObject>>();
  private started = false;

  constructor(
    private readonly clientset: Clientset,
    private readonly options: InformerFactoryOptions = {},
  ) {}

  /** The shared informer of `kind` in `scope`; created on first request, started with the factory. */
  informerFor<K extends KindName>(kind: K, scope: InformerScope = {}): Informer<ObjectTypes[K]> {
    const key = [kind, scope.namespace ?? '', scope.labelSelector ?? '', scope.fieldSelector ?? '', scope.select ?? ''].join('\0');
    // Keyed by kind: the entry found is this kind's informer (the map holds every kind, so it is typed loosely).
    let informer = this.informers.get(key) as unknown as Informer<ObjectTypes[K]> | undefined;
    if (!informer) {
      const resource = this.clientset.kind(kind);
      informer = new Informer<ObjectTypes[K]>(this.clientset.client, {
        plural: resource.names.list,
        kind,
        fields: scope.select ?? resource.selection,
        namespace: resource.kind.namespaced ? scope.namespace : undefined,
        labelSelector: scope.labelSelector,
        fieldSelector: scope.fieldSelector,
        resyncMs: this.options.resyncMs,
        pageSize: this.options.pageSize,
        clock: this.options.clock,
        transform: stripNulls,
        onError: (error, willRetry) => this.options.onError?.(kind, error, willRetry),
      });
      this.informers.set(key, informer as unknown as Informer<RuntimeObject>);
      if (this.started) informer.start();
    }
    return informer;
  }

  /** Starts every informer asked for so far (and any asked for later). */
  start(): void {
    this.started = true;
    for (const informer of this.informers.values()) informer.start();
  }

  /** True once every informer listed; false if one stopped or `signal` aborted first. */
  async waitForSync(signal?: AbortSignal): Promise<boolean> {
    // One abort listener per informer while they sync: more than Node's default warning threshold of 10.
    if (signal) setMaxListeners(this.informers.size + 10, signal);
    const synced = await Promise.all([...this.informers.values()].map((i) => i.waitForSync(signal)));
    return synced.every(Boolean);
  }

  stop(): void {
    for (const informer of this.informers.values()) informer.stop();
  }
}
