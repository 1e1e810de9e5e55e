// The scheduling queue (kube-scheduler's SchedulingQueue): pending pods keyed
// `namespace/name`, fed by the pod and node informers, which also keep the cache; pods no
// node fits wait with backoff and are retried whenever the cluster may have room.
import { ItemExponentialRateLimiter, WorkQueue, keyOf, type ControllerMetrics, type Informer } from '@wheelhouse/controller-runtime';
import type { Node, Pod } from '@wheelhouse/model';
import type { SchedulerCache } from './cache.js';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/** Unbound, for this scheduler, not being deleted, not finished. */
export const isPending = (pod: Pod) =>
  !pod.spec?.nodeName &&
  !pod.metadata.deletionTimestamp &&
  (pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME) === DEFAULT_SCHEDULER_NAME &&
  pod.status?.phase !== 'Succeeded' &&
  pod.status?.phase !== 'Failed';

const finished = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** What about a node can make room or take it away: a change elsewhere (heartbeats) retries nobody. */
const nodeShape = (n: Node) => JSON.stringify([n.metadata.labels, n.spec, n.status?.allocatable, n.status?.conditions?.map((c) => [c.type, c.status])]);

export interface SchedulingQueueOptions {
  metrics?: ControllerMetrics;
  /** Backoff of unschedulable pods (kube-scheduler: 1 s doubling to 10 s). */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export class SchedulingQueue {
  private readonly queue: WorkQueue;
  /** Keys that found no node; re-queued whenever the cluster may have room. */
  private readonly waiting = new Set<string>();

  constructor(options: SchedulingQueueOptions = {}) {
    this.queue = new WorkQueue({
      name: 'scheduler',
      metrics: options.metrics,
      rateLimiter: new ItemExponentialRateLimiter(options.initialBackoffMs ?? 1000, options.maxBackoffMs ?? 10_000),
    });
  }

  /** Feeds the cache and the queue from the informers. */
  watch(pods: Informer<Pod>, nodes: Informer<Node>, cache: SchedulerCache): void {
    pods.addEventHandler({
      onAdd: (pod) => {
        cache.updatePod(keyOf(pod), pod);
        if (isPending(pod)) this.queue.add(keyOf(pod));
      },
      onUpdate: (old, pod) => {
        const key = keyOf(pod);
        cache.updatePod(key, pod);
        if (isPending(pod)) {
          // Status-only updates (our own PodScheduled condition) must not bypass the backoff.
          if (!isPending(old) || JSON.stringify(old.spec) !== JSON.stringify(pod.spec) || JSON.stringify(old.metadata.labels) !== JSON.stringify(pod.metadata.labels))
            this.queue.add(key);
          return;
        }
        this.waiting.delete(key);
        // A bound pod that finished frees its node's room.
        if (pod.spec?.nodeName && finished(pod) && !finished(old)) this.retryWaiting();
      },
      onDelete: (pod) => {
        const key = keyOf(pod);
        cache.removePod(key);
        this.waiting.delete(key);
        if (pod.spec?.nodeName) this.retryWaiting();
      },
    });
    nodes.addEventHandler({
      onAdd: (node) => {
        cache.setNode(node);
        this.retryWaiting();
      },
      onUpdate: (old, node) => {
        cache.setNode(node);
        if (nodeShape(old) !== nodeShape(node)) this.retryWaiting();
      },
      onDelete: (node) => cache.removeNode(node.metadata.name ?? ''),
    });
  }

  /** Something pods wait on changed (a claim bound, a volume made): unschedulable pods try again. */
  clusterChanged(): void {
    this.retryWaiting();
  }

  /** Bound: its backoff is forgotten. */
  scheduled(key: string): void {
    this.queue.forget(key);
    this.waiting.delete(key);
  }

  /** No node fits: back with backoff, and again whenever the cluster changes. */
  unschedulable(key: string): void {
    this.waiting.add(key);
    this.queue.addRateLimited(key);
  }

  /** The binding or the cycle failed: back with backoff. */
  retry(key: string): void {
    this.queue.addRateLimited(key);
  }

  /** Nothing to do for it (gone, bound, or assumed): `pending` says whether it still waits. */
  skip(key: string, pending: boolean): void {
    if (!pending) this.waiting.delete(key);
    this.queue.forget(key);
  }

  /**
   * Hands batches of up to `maxBatch` keys to `cycle`, with up to `maxInFlight` batches
   * at once: the next batches are decided while earlier ones are being bound. Resolves once
   * the queue is shut down and every batch has finished.
   */
  async drain(maxBatch: number, maxInFlight: number, cycle: (keys: string[]) => Promise<void>, onError: (error: unknown) => void): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    for (let first = await this.queue.get(); first !== undefined; first = await this.queue.get()) {
      const keys = [first];
      while (this.queue.length > 0 && keys.length < maxBatch) {
        const key = await this.queue.get();
        if (key === undefined) break;
        keys.push(key);
      }
      const batch: Promise<void> = cycle(keys)
        .catch((error) => {
          onError(error);
          for (const key of keys) this.queue.addRateLimited(key);
        })
        .finally(() => {
          for (const key of keys) this.queue.done(key);
          inFlight.delete(batch);
        });
      inFlight.add(batch);
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  shutDown(): Promise<void> {
    return this.queue.shutDown({ drain: false });
  }

  private retryWaiting(): void {
    for (const key of this.waiting) this.queue.add(key);
  }
}
