// The scheduler process's loop: shared informers for nodes and pods feed the cache and
// the queue (queue.ts); batches of pending pods are drained from it, decided against the
// cache (assumed at once), bound with one bindPods call (bind.ts), and unschedulable ones
// marked with one patchPodsStatus (status.ts).
import { createClientset, type WheelhouseClient } from '@wheelhouse/client';
import { EventRecorder, InformerFactory, type ControllerMetrics } from '@wheelhouse/controller-runtime';
import type { Pod } from '@wheelhouse/model';
import { binder } from './bind.js';
import { SchedulerCache } from './cache.js';
import type { SchedulerConfig } from './chain.js';
import { decideBatch } from './decide-batch.js';
import { selectNodes } from './select-node.js';
import type { VolumeListers } from './filter/volume-binding.js';
import { EventBatcher } from './event-batcher.js';
import { POD_SELECTION } from './pod-selection.js';
import { isPending, SchedulingQueue, type SchedulingQueueOptions } from './queue.js';
import { unschedulableMarker } from './status.js';

export { DEFAULT_SCHEDULER_NAME, isPending } from './queue.js';
export { withPodScheduled } from './status.js';

const COMPONENT = 'default-scheduler';

export interface SchedulerOptions extends SchedulingQueueOptions {
  log: (message: string, error?: unknown) => void;
  metrics?: ControllerMetrics;
  signal?: AbortSignal;
  config?: SchedulerConfig;
  now?: () => Date;
  /** Pods taken off the queue and bound per bindPods call. */
  maxBatch?: number;
  /**
   * bindPods calls in flight at once. Deciding never waits for a binding (the cache
   * assumes it), only for a free slot, so a slow API makes batches bigger, not more.
   * Every write serialises on the store's revision counter, so more calls at once add
   * commits, not throughput; a few keep one slow call from stalling scheduling.
   */
  maxBindsInFlight?: number;
}

export interface RunningScheduler {
  stop(): Promise<void>;
}

/** Starts the informers and the scheduling loop (batches of pods, each decided one at a time, as kube-scheduler). */
export async function startScheduler(client: WheelhouseClient, options: SchedulerOptions): Promise<RunningScheduler> {
  const { log, metrics } = options;
  const now = options.now ?? (() => new Date());
  const clientset = createClientset(client);
  const informers = new InformerFactory(clientset, { onError: (kind, error, willRetry) => log(`${kind} watch${willRetry ? ' (retrying)' : ''}`, error) });
  const pods = informers.informerFor('Pod', { select: POD_SELECTION });
  const nodes = informers.informerFor('Node');
  const claims = informers.informerFor('PersistentVolumeClaim');
  const volumes = informers.informerFor('PersistentVolume');
  const classes = informers.informerFor('StorageClass');
  const volumeListers: VolumeListers = {
    claim: (namespace, name) => claims.get(`${namespace}/${name}`),
    volume: (name) => volumes.get(name),
    volumes: () => volumes.list(),
    storageClass: (name) => classes.get(name),
  };
  const config = { ...options.config, volumes: volumeListers };
  const volumeChange = { onAdd: () => queue.clusterChanged(), onUpdate: () => queue.clusterChanged() };
  for (const informer of [claims, volumes, classes] as const) (informer as { addEventHandler(h: typeof volumeChange): void }).addEventHandler(volumeChange);
  const cache = new SchedulerCache();
  const queue = new SchedulingQueue(options);
  queue.watch(pods, nodes, cache);
  const recorder = new EventRecorder(client, COMPONENT, now, (e) => log('event', e));
  const events = new EventBatcher(clientset, COMPONENT, recorder, now, { onError: (e) => log('events', e) });
  const bind = binder(clientset, { cache, queue, events, log });
  const markUnschedulable = unschedulableMarker(clientset, { queue, events, now, log });

  let startIndex = 0;
  /** One batch: decide every pod against the cache, then bind and mark in parallel. */
  const cycle = async (keys: string[]) => {
    const candidates: { key: string; pod: Pod }[] = [];
    for (const key of keys) {
      const pod = pods.get(key);
      // Gone, bound, or bound by us and waiting for the watch to say so: nothing to do.
      if (!pod || !isPending(pod) || cache.isAssumed(key)) queue.skip(key, Boolean(pod && isPending(pod)));
      else candidates.push({ key, pod });
    }
    const started = performance.now();
    const decision = decideBatch(candidates, cache, config, startIndex);
    startIndex = decision.nextStartIndex;
    metrics?.reconcileDuration.observe({ controller: 'scheduler' }, (performance.now() - started) / 1000);
    metrics?.reconcileTotal.inc({ controller: 'scheduler', result: 'success' }, decision.bindings.length);
    metrics?.reconcileTotal.inc({ controller: 'scheduler', result: 'error' }, decision.unschedulable.length);
    // PreBind: a WaitForFirstConsumer claim learns the chosen node (the provisioner makes its volume there).
    await selectNodes(clientset, decision.bindings, volumeListers, log);
    await Promise.all([bind(decision.bindings), markUnschedulable(decision.unschedulable)]);
  };

  informers.start();
  // Leadership lost before the caches filled: scheduling on a partial cache would overcommit nodes.
  if (!(await informers.waitForSync(options.signal))) {
    informers.stop();
    await queue.shutDown();
    return { stop: async () => {} };
  }
  const finished = queue.drain(options.maxBatch ?? 500, options.maxBindsInFlight ?? 4, cycle, (error) => log('scheduling cycle', error));
  log('scheduler running');
  return {
    async stop() {
      await queue.shutDown();
      await finished;
      await events.flush();
      informers.stop();
    },
  };
}
