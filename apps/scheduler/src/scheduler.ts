// The scheduler process's loop: informers for nodes and pods feed the cache; batches of
// pending pods are drained from the queue, decided against the cache (assumed at once),
// bound with one bindPods call, and unschedulable ones marked with one patchPodsStatus.
import { FullSelections, isConflict, isNotFound, type WheelhouseClient } from '@wheelhouse/client';
import { EventRecorder, Informer, ItemExponentialRateLimiter, WorkQueue, keyOf, stripNulls, type ControllerMetrics, type RuntimeObject } from '@wheelhouse/controller-runtime';
import { SchedulerCache } from './cache.js';
import type { SchedulerConfig } from './chain.js';
import { decideBatch } from './decide-batch.js';
import { EventBatcher } from './event-batcher.js';
import { podSelection } from './pod-selection.js';
import type { Node, Pod } from './types.js';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
const COMPONENT = 'default-scheduler';

const BIND_MANY = `mutation($items: [PodBindingInput!]!) { bindPods(items: $items) { error { code message } } }`;
const PATCH_STATUS_MANY = `mutation($items: [ObjectPatch!]!) { patchPodsStatus(items: $items) { metadata { name } } }`;
const PATCH_STATUS = `mutation($ns: String, $name: String!, $patch: JSONObject!) { patchPodStatus(namespace: $ns, name: $name, patch: $patch) { metadata { resourceVersion } } }`;

interface PodCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastProbeTime?: string | null;
}

/** A pod as the informer caches it: the plugins' shape plus what the loop reads. */
export type CachedPod = RuntimeObject &
  Pod & {
    metadata: Pod['metadata'] & { resourceVersion?: string; deletionTimestamp?: string };
    spec?: Pod['spec'] & { schedulerName?: string };
    status?: Pod['status'] & { conditions?: readonly PodCondition[] };
  };
type CachedNode = RuntimeObject & Node;

export interface SchedulerOptions {
  log: (message: string, error?: unknown) => void;
  metrics?: ControllerMetrics;
  signal?: AbortSignal;
  config?: SchedulerConfig;
  /** Backoff of unschedulable pods (kube-scheduler: 1 s doubling to 10 s). */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
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

export const isPending = (pod: CachedPod) =>
  !pod.spec?.nodeName &&
  !pod.metadata.deletionTimestamp &&
  (pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME) === DEFAULT_SCHEDULER_NAME &&
  pod.status?.phase !== 'Succeeded' &&
  pod.status?.phase !== 'Failed';

const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Merge patches replace arrays: the full conditions list with PodScheduled set; undefined when unchanged. */
export function withPodScheduled(pod: CachedPod, condition: { status: string; reason?: string; message?: string }, now: Date): PodCondition[] | undefined {
  const conditions = pod.status?.conditions ?? [];
  const old = conditions.find((c) => c.type === 'PodScheduled');
  if (old && old.status === condition.status && old.reason === condition.reason && old.message === condition.message) return undefined;
  const next: PodCondition = {
    type: 'PodScheduled',
    status: condition.status,
    ...(condition.reason ? { reason: condition.reason } : {}),
    ...(condition.message ? { message: condition.message } : {}),
    lastTransitionTime: old && old.status === condition.status && old.lastTransitionTime ? old.lastTransitionTime : stamp(now),
  };
  return [...conditions.filter((c) => c.type !== 'PodScheduled'), next];
}

/** Starts the informers and the scheduling loop (batches of pods, each decided one at a time, as kube-scheduler). */
export async function startScheduler(client: WheelhouseClient, options: SchedulerOptions): Promise<RunningScheduler> {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const maxBatch = options.maxBatch ?? 500;
  const maxBindsInFlight = options.maxBindsInFlight ?? 4;
  const selections = new FullSelections(client);
  const pods = new Informer<CachedPod>(client, {
    plural: 'pods',
    kind: 'Pod',
    fields: await podSelection(selections),
    transform: (o) => stripNulls(o),
    onError: (error, willRetry) => log(`pods watch${willRetry ? ' (retrying)' : ''}`, error),
  });
  const nodes = new Informer<CachedNode>(client, {
    plural: 'nodes',
    kind: 'Node',
    fields: await selections.of('Node'),
    transform: (o) => stripNulls(o),
    onError: (error, willRetry) => log(`nodes watch${willRetry ? ' (retrying)' : ''}`, error),
  });
  const queue = new WorkQueue({
    name: 'scheduler',
    metrics: options.metrics,
    rateLimiter: new ItemExponentialRateLimiter(options.initialBackoffMs ?? 1000, options.maxBackoffMs ?? 10_000),
  });
  const recorder = new EventRecorder(client, COMPONENT, now, (e) => log('event', e));
  const events = new EventBatcher(client, COMPONENT, recorder, now, { onError: (e) => log('events', e) });
  const cache = new SchedulerCache();
  /** Keys that found no node; re-queued whenever the cluster may have room. */
  const unschedulable = new Set<string>();
  const retryUnschedulable = () => {
    for (const key of unschedulable) queue.add(key);
  };

  pods.addEventHandler({
    onAdd: (pod) => {
      cache.updatePod(keyOf(pod), pod);
      if (isPending(pod)) queue.add(keyOf(pod));
    },
    onUpdate: (old, pod) => {
      const key = keyOf(pod);
      cache.updatePod(key, pod);
      if (isPending(pod)) {
        // Status-only updates (our own PodScheduled condition) must not bypass the backoff.
        if (!isPending(old) || JSON.stringify(old.spec) !== JSON.stringify(pod.spec) || JSON.stringify(old.metadata.labels) !== JSON.stringify(pod.metadata.labels)) queue.add(key);
        return;
      }
      unschedulable.delete(key);
      // A bound pod that finished frees its node's room.
      const finished = (p: CachedPod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
      if (pod.spec?.nodeName && finished(pod) && !finished(old)) retryUnschedulable();
    },
    onDelete: (pod) => {
      const key = keyOf(pod);
      cache.removePod(key);
      unschedulable.delete(key);
      if (pod.spec?.nodeName) retryUnschedulable();
    },
  });
  const nodeShape = (n: CachedNode) => JSON.stringify([n.metadata.labels, n.spec, n.status?.allocatable, n.status?.conditions?.map((c) => [c.type, c.status])]);
  nodes.addEventHandler({
    onAdd: (node) => {
      cache.setNode(node);
      retryUnschedulable();
    },
    onUpdate: (old, node) => {
      cache.setNode(node);
      if (nodeShape(old) !== nodeShape(node)) retryUnschedulable();
    },
    onDelete: (node) => cache.removeNode(node.metadata.name),
  });

  const involved = (pod: CachedPod) => ({ apiVersion: 'v1', kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name!, uid: pod.metadata.uid ?? '' });

  /** One bindPods call; a refused or failed binding forgets its assumption and retries with backoff. */
  const bind = async (bindings: { key: string; pod: CachedPod; node: string }[]) => {
    if (bindings.length === 0) return;
    const items = bindings.map(({ pod, node }) => ({ namespace: pod.metadata.namespace, name: pod.metadata.name, nodeName: node, uid: pod.metadata.uid }));
    let results: { error: { code: string; message: string } | null }[];
    try {
      results = (await client.request<{ bindPods: typeof results }>(BIND_MANY, { items })).bindPods;
    } catch (error) {
      log(`bind ${bindings.length} pods`, error);
      results = bindings.map(() => ({ error: { code: 'UNAVAILABLE', message: String(error) } }));
    }
    bindings.forEach(({ key, pod, node }, i) => {
      const error = results[i]?.error;
      if (error) {
        // CONFLICT / NOT_FOUND: the pod changed or went; the informer brings the new state.
        cache.forget(key);
        queue.addRateLimited(key);
        return;
      }
      queue.forget(key);
      unschedulable.delete(key);
      events.record(involved(pod), 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`);
    });
  };

  /** PodScheduled=False for every pod no node fits, in one patchPodsStatus (one by one if that batch is refused). */
  const markUnschedulable = async (pods: { key: string; pod: CachedPod; message: string }[]) => {
    const patches: { namespace?: string; name: string; patch: Record<string, unknown> }[] = [];
    for (const { key, pod, message } of pods) {
      unschedulable.add(key);
      queue.addRateLimited(key);
      events.record(involved(pod), 'Warning', 'FailedScheduling', message);
      const conditions = withPodScheduled(pod, { status: 'False', reason: 'Unschedulable', message }, now());
      if (conditions) patches.push({ namespace: pod.metadata.namespace, name: pod.metadata.name!, patch: { status: { conditions } } });
    }
    if (patches.length === 0) return;
    try {
      await client.request(PATCH_STATUS_MANY, { items: patches });
    } catch {
      // All or nothing: a pod deleted meanwhile fails the batch; the rest go one by one.
      await Promise.all(
        patches.map((p) =>
          client.request(PATCH_STATUS, { ns: p.namespace, name: p.name, patch: p.patch }).catch((e) => {
            if (!isNotFound(e) && !isConflict(e)) log(`PodScheduled ${p.namespace}/${p.name}`, e);
          }),
        ),
      );
    }
  };

  let startIndex = 0;
  /** One batch: decide every pod against the cache, then bind and mark in parallel. */
  const cycle = async (keys: string[]) => {
    const candidates: { key: string; pod: CachedPod }[] = [];
    for (const key of keys) {
      const pod = pods.get(key);
      // Gone, bound, or bound by us and waiting for the watch to say so: nothing to do.
      if (!pod || !isPending(pod) || cache.isAssumed(key)) {
        if (!pod || !isPending(pod)) unschedulable.delete(key);
        queue.forget(key);
        continue;
      }
      candidates.push({ key, pod });
    }
    const started = performance.now();
    const decision = decideBatch(candidates, cache, options.config ?? {}, startIndex);
    startIndex = decision.nextStartIndex;
    options.metrics?.reconcileDuration.observe({ controller: 'scheduler' }, (performance.now() - started) / 1000);
    options.metrics?.reconcileTotal.inc({ controller: 'scheduler', result: 'success' }, decision.bindings.length);
    options.metrics?.reconcileTotal.inc({ controller: 'scheduler', result: 'error' }, decision.unschedulable.length);
    await Promise.all([bind(decision.bindings), markUnschedulable(decision.unschedulable)]);
  };

  /** Drains the queue into batches; the next batches are decided while earlier ones are being bound. */
  const run = async () => {
    const inFlight = new Set<Promise<void>>();
    for (let first = await queue.get(); first !== undefined; first = await queue.get()) {
      const keys = [first];
      while (queue.length > 0 && keys.length < maxBatch) {
        const key = await queue.get();
        if (key === undefined) break;
        keys.push(key);
      }
      const batch: Promise<void> = cycle(keys)
        .catch((error) => {
          log('scheduling cycle', error);
          for (const key of keys) queue.addRateLimited(key);
        })
        .finally(() => {
          for (const key of keys) queue.done(key);
          inFlight.delete(batch);
        });
      inFlight.add(batch);
      if (inFlight.size >= maxBindsInFlight) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  };

  pods.start();
  nodes.start();
  const synced = await Promise.all([pods.waitForSync(options.signal), nodes.waitForSync(options.signal)]);
  // Leadership lost before the caches filled: scheduling on a partial cache would overcommit nodes.
  if (!synced.every(Boolean)) {
    pods.stop();
    nodes.stop();
    await queue.shutDown({ drain: false });
    return { stop: async () => {} };
  }
  const finished = run();
  log('scheduler running');
  return {
    async stop() {
      await queue.shutDown({ drain: false });
      await finished;
      await events.flush();
      pods.stop();
      nodes.stop();
    },
  };
}
