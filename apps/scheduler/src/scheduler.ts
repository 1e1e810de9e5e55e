// The scheduler process's loop: informers for nodes and pods, a queue of pending pods,
// a cache where assumed pods count at once, and bind / PodScheduled / Events through the API.
import { FullSelections, isConflict, isNotFound, type WheelhouseClient } from '@wheelhouse/client';
import {
  EventRecorder,
  Informer,
  ItemExponentialRateLimiter,
  WorkQueue,
  done,
  keyOf,
  retry,
  runController,
  stripNulls,
  type ControllerHandle,
  type ControllerMetrics,
  type RuntimeObject,
} from '@wheelhouse/controller-runtime';
import { schedule, type SchedulerConfig } from './chain.js';
import { nodeInfos } from './node-info.js';
import type { Node, Pod } from './types.js';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
const COMPONENT = 'default-scheduler';

const BIND = `mutation($ns: String, $name: String!, $patch: JSONObject!) { patchPod(namespace: $ns, name: $name, patch: $patch) { metadata { resourceVersion } } }`;
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
}

export interface RunningScheduler {
  stop(): Promise<void>;
}

/** Waiting for a node: retried with backoff, or at once when the nodes change. Not logged as an error. */
class Unschedulable extends Error {}

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

/** Starts the informers and the scheduling loop (one pod at a time, as kube-scheduler). */
export async function startScheduler(client: WheelhouseClient, options: SchedulerOptions): Promise<RunningScheduler> {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const selections = new FullSelections(client);
  const pods = new Informer<CachedPod>(client, {
    plural: 'pods',
    kind: 'Pod',
    fields: await selections.of('Pod'),
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
  const events = new EventRecorder(client, COMPONENT, now, (e) => log('event', e));
  /** Pod key → the pod as bound, until the informer shows it bound (or gone). */
  const assumed = new Map<string, CachedPod>();
  /** Keys that found no node; re-queued whenever the cluster may have room. */
  const unschedulable = new Set<string>();
  const retryUnschedulable = () => {
    for (const key of unschedulable) queue.add(key);
  };

  pods.addEventHandler({
    onAdd: (pod) => {
      if (isPending(pod)) queue.add(keyOf(pod));
      else assumed.delete(keyOf(pod));
    },
    onUpdate: (old, pod) => {
      const key = keyOf(pod);
      if (isPending(pod)) {
        // Status-only updates (our own PodScheduled condition) must not bypass the backoff.
        if (!isPending(old) || JSON.stringify(old.spec) !== JSON.stringify(pod.spec) || JSON.stringify(old.metadata.labels) !== JSON.stringify(pod.metadata.labels)) queue.add(key);
        return;
      }
      assumed.delete(key);
      unschedulable.delete(key);
      // A bound pod that finished frees its node's room.
      const finished = (p: CachedPod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
      if (pod.spec?.nodeName && finished(pod) && !finished(old)) retryUnschedulable();
    },
    onDelete: (pod) => {
      const key = keyOf(pod);
      assumed.delete(key);
      unschedulable.delete(key);
      if (pod.spec?.nodeName) retryUnschedulable();
    },
  });
  const nodeShape = (n: CachedNode) => JSON.stringify([n.metadata.labels, n.spec, n.status?.allocatable, n.status?.conditions?.map((c) => [c.type, c.status])]);
  nodes.addEventHandler({
    onAdd: () => retryUnschedulable(),
    onUpdate: (old, node) => {
      if (nodeShape(old) !== nodeShape(node)) retryUnschedulable();
    },
  });

  const cluster = () => {
    const nodeList = nodes.list().sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    const podList: Pod[] = [];
    for (const pod of pods.list()) {
      const mine = assumed.get(keyOf(pod));
      if (mine && !pod.spec?.nodeName) podList.push(mine);
      else if (pod.spec?.nodeName) podList.push(pod);
    }
    // Assumed pods whose cache entry already went away keep counting until their delete event.
    for (const [key, pod] of assumed) if (!pods.get(key)) podList.push(pod);
    return nodeInfos(nodeList, podList);
  };

  const setCondition = async (pod: CachedPod, condition: { status: string; reason?: string; message?: string }) => {
    const conditions = withPodScheduled(pod, condition, now());
    if (!conditions) return;
    await client.request(PATCH_STATUS, { ns: pod.metadata.namespace, name: pod.metadata.name, patch: { status: { conditions } } });
  };

  const reconcile = async (key: string) => {
    const pod = pods.get(key);
    if (!pod || !isPending(pod)) {
      unschedulable.delete(key);
      return done();
    }
    if (assumed.has(key)) return done(); // bound; waiting for the watch to say so
    const involved = { apiVersion: 'v1', kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name!, uid: pod.metadata.uid ?? '' };
    const result = schedule(pod, cluster(), options.config);
    if ('unschedulable' in result) {
      unschedulable.add(key);
      await setCondition(pod, { status: 'False', reason: 'Unschedulable', message: result.message }).catch((e) => {
        if (!isNotFound(e) && !isConflict(e)) log(`PodScheduled ${key}`, e);
      });
      void events.record(involved, 'Warning', 'FailedScheduling', result.message);
      throw new Unschedulable(result.message);
    }
    const bound: CachedPod = { ...pod, spec: { ...pod.spec, nodeName: result.node } };
    assumed.set(key, bound);
    try {
      await client.request(BIND, { ns: pod.metadata.namespace, name: pod.metadata.name, patch: { metadata: { resourceVersion: pod.metadata.resourceVersion }, spec: { nodeName: result.node } } });
    } catch (error) {
      assumed.delete(key);
      // CONFLICT: the pod changed (or someone bound it); the informer brings the new version.
      if (isConflict(error) || isNotFound(error)) return retry(new Unschedulable(`bind ${key}: ${(error as Error).message}`));
      throw error;
    }
    unschedulable.delete(key);
    const message = `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${result.node}`;
    void events.record(involved, 'Normal', 'Scheduled', message);
    await setCondition(pod, { status: 'True' }).catch((e) => log(`PodScheduled ${key}`, e));
    return done();
  };

  pods.start();
  nodes.start();
  await Promise.all([pods.waitForSync(options.signal), nodes.waitForSync(options.signal)]);
  const controller: ControllerHandle = runController({
    name: 'scheduler',
    queue,
    workers: 1,
    reconcile,
    metrics: options.metrics,
    onError: (key, error) => {
      if (!(error instanceof Unschedulable)) log(`schedule ${key}`, error);
    },
  });
  log('scheduler running');
  return {
    async stop() {
      await controller.stop();
      pods.stop();
      nodes.stop();
    },
  };
}
