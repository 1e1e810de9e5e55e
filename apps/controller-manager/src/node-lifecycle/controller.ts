import { hasCode } from '@wheelhouse/client';
import { POD_GC_DISRUPTION, TAINT_MANAGER_DISRUPTION, withDisruptionTarget, type DisruptionCause } from '@wheelhouse/resources';
import { WorkQueue, done, keyOf, realClock, requeueAfter, runController, type ControllerHandle } from '@wheelhouse/controller-runtime';
import type { ConditionStatus } from '../common/types.js';
import type { ManagedObject, ManagerContext } from '../runtime/context.js';
import { decideNodeLifecycle, type NodeLifecycleAction, type NodeLifecycleState } from './decide.js';
import { TaintingLimiter, type TaintingRates } from './tainting-limiter.js';
import { orphanQuarantineLeft } from './pod-gc.js';
import { zoneOf } from './disruption.js';
import { readyStatus } from './node-health.js';
import { Heartbeats } from './heartbeats.js';
import type { LifecycleNode, LifecyclePod } from './types.js';

const PATCH_NODE_STATUS = `mutation($name: String!, $patch: JSONObject!) { patchNodeStatus(name: $name, patch: $patch) { metadata { resourceVersion } } }`;
const PATCH_NODE = `mutation($name: String!, $patch: JSONObject!) { patchNode(name: $name, patch: $patch) { metadata { resourceVersion } } }`;
const PATCH_POD_STATUS = `mutation($ns: String, $name: String!, $patch: JSONObject!) { patchPodStatus(namespace: $ns, name: $name, patch: $patch) { metadata { name } } }`;
const DELETE_POD = `mutation($ns: String, $name: String!, $grace: Int) { deletePod(namespace: $ns, name: $name, gracePeriodSeconds: $grace) { metadata { name } } }`;

export interface NodeLifecycleOptions {
  /** node-monitor-grace-period: how long a node may stay silent before it is Unknown. */
  gracePeriodMs: number;
  /** Nodes per second that may get a NoExecute taint, per zone (--node-eviction-rate and the secondary one). */
  taintingRates: TaintingRates;
}

/**
 * The node lifecycle controller: marks nodes whose Lease is no longer renewed Unknown
 * and taints them, keeps condition taints in step, evicts pods from NoExecute-tainted
 * nodes by their tolerations, marks pods of unreachable nodes not Ready and force-deletes
 * the ones whose grace ran out there, and the pods of nodes that no longer exist. One key
 * per node; decisions in decide.ts and pod-gc.ts.
 */
export function startNodeLifecycleController(ctx: ManagerContext, options: NodeLifecycleOptions, workers = 2): ControllerHandle {
  const name = 'node-lifecycle-controller';
  const queue = new WorkQueue();
  const events = ctx.events(name);
  const heartbeats = new Heartbeats(ctx.now);
  const limiter = new TaintingLimiter({ ...realClock, now: () => ctx.now().getTime() }, options.taintingRates);
  const lastSeenReady = new Map<string, ConditionStatus>();
  const podsByNode = new Map<string, Set<string>>();
  /** Nodes that pods are bound to but that do not exist, since when (pod GC's quarantine). */
  const missingSince = new Map<string, number>();

  const nodeSeen = (node: ManagedObject) => {
    heartbeats.nodeSeen(node);
    queue.add(node.metadata.name);
  };
  ctx.informers.nodes.addEventHandler({ onAdd: nodeSeen, onUpdate: (_old, node) => nodeSeen(node), onDelete: (node) => queue.add(node.metadata.name) });
  ctx.informers.nodeLeases.addEventHandler({
    onAdd: (lease) => heartbeats.leaseSeen(lease) && queue.add(lease.metadata.name),
    onUpdate: (_old, lease) => heartbeats.leaseSeen(lease) && queue.add(lease.metadata.name),
  });

  const nodeOf = (pod: ManagedObject) => (pod.spec as { nodeName?: string } | undefined)?.nodeName;
  const track = (pod: ManagedObject, present: boolean) => {
    const nodeName = nodeOf(pod);
    if (!nodeName) return;
    const keys = podsByNode.get(nodeName) ?? new Set<string>();
    if (present) keys.add(keyOf(pod));
    else keys.delete(keyOf(pod));
    if (keys.size) podsByNode.set(nodeName, keys);
    else podsByNode.delete(nodeName);
    queue.add(nodeName);
  };
  ctx.informers.pods.addEventHandler({
    onAdd: (pod) => track(pod, true),
    onUpdate: (old, pod) => {
      if (nodeOf(old) !== nodeOf(pod)) track(old, false);
      track(pod, true);
    },
    onDelete: (pod) => track(pod, false),
  });

  const reconcile = async (nodeName: string) => {
    const node = ctx.informers.nodes.get(nodeName) as unknown as LifecycleNode | undefined;
    const pods = [...(podsByNode.get(nodeName) ?? [])].map((key) => ctx.informers.pods.get(key)).filter((p) => p !== undefined) as unknown as LifecyclePod[];
    if (!node) {
      heartbeats.forget(nodeName);
      lastSeenReady.delete(nodeName);
      return collectOrphans(nodeName, pods);
    }
    missingSince.delete(nodeName);
    const state: NodeLifecycleState = {
      node,
      pods,
      lastHeardMs: heartbeats.lastHeard(nodeName),
      lastSeenReady: lastSeenReady.get(nodeName),
      now: ctx.now(),
      gracePeriodMs: options.gracePeriodMs,
      readinessOfOthers: () =>
        ctx.informers.nodes
          .list()
          .filter((n) => n.metadata.name !== nodeName)
          .map((n) => ({ zone: zoneOf((n.metadata as { labels?: Record<string, string> }).labels), ready: readyStatus((n.status as LifecycleNode['status'])?.conditions) })),
    };
    let decision = decideNodeLifecycle(state);
    // A new NoExecute taint waits for its zone's rate limiter; everything else goes ahead.
    let turnMs: number | undefined;
    if (decision.tainting) {
      const wait = limiter.admit(nodeName, decision.tainting.zone, decision.tainting.rate);
      if (wait > 0) {
        decision = decideNodeLifecycle({ ...state, holdNoExecute: true });
        turnMs = wait + 100;
      }
    } else {
      limiter.release(nodeName);
    }
    // Each node write is conditional on the version the decision saw, or the one just written.
    const version = { current: node.metadata.resourceVersion };
    for (const action of decision.actions) {
      await act(node, version, action);
      if (action.type === 'nodeNotReadyEvent') lastSeenReady.set(nodeName, decision.ready!);
    }
    if (decision.ready) lastSeenReady.set(nodeName, decision.ready);
    else lastSeenReady.delete(nodeName);
    const after = Math.min(decision.requeueAfterMs ?? Infinity, turnMs ?? Infinity);
    return after !== Infinity ? requeueAfter(after) : done();
  };

  /** Pods bound to a node that is gone: force-deleted once it has been gone for a grace period. */
  const collectOrphans = async (nodeName: string, pods: LifecyclePod[]) => {
    if (pods.length === 0) {
      missingSince.delete(nodeName);
      return done();
    }
    if (!missingSince.has(nodeName)) missingSince.set(nodeName, ctx.now().getTime());
    const left = orphanQuarantineLeft(missingSince.get(nodeName)!, ctx.now().getTime(), options.gracePeriodMs);
    if (left > 0) return requeueAfter(left + 100);
    // The cache may be behind: only the API can say the node is really gone.
    const { node } = await ctx.client.request<{ node: { metadata: { name: string } } | null }>(`query($name: String!) { node(name: $name) { metadata { name } } }`, {
      name: nodeName,
    });
    if (node) return done();
    for (const pod of pods) {
      await markDisrupted(pod, POD_GC_DISRUPTION);
      await ctx.client.request(DELETE_POD, { ns: pod.metadata.namespace, name: pod.metadata.name, grace: 0 }).catch(podGone);
    }
    missingSince.delete(nodeName);
    return done();
  };

  /** DisruptionTarget=True before the delete, conditional on the pod as the decision saw it. */
  const markDisrupted = async (pod: LifecyclePod, cause: DisruptionCause) => {
    const conditions = withDisruptionTarget(pod.status?.conditions ?? [], cause, ctx.now());
    if (!conditions) return;
    await ctx.client
      .request(PATCH_POD_STATUS, {
        ns: pod.metadata.namespace,
        name: pod.metadata.name,
        patch: { metadata: { resourceVersion: pod.metadata.resourceVersion }, status: { conditions } },
      })
      .catch(podGone);
  };

  const involvedNode = (node: LifecycleNode) => ({ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid ?? node.metadata.name });
  const involvedPod = (pod: LifecyclePod) => ({ apiVersion: 'v1', kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid ?? '' });
  const podGone = (error: unknown) => {
    if (!hasCode(error, 'NOT_FOUND')) throw error;
  };

  type Written = { patchNodeStatus?: { metadata: { resourceVersion: string } }; patchNode?: { metadata: { resourceVersion: string } } };
  const act = async (node: LifecycleNode, version: { current?: string }, action: NodeLifecycleAction) => {
    const nodeName = node.metadata.name;
    switch (action.type) {
      case 'setConditions': {
        // The precondition: a kubelet that came back meanwhile wins.
        const written = await ctx.client.request<Written>(PATCH_NODE_STATUS, {
          name: nodeName,
          patch: { metadata: { resourceVersion: version.current }, status: { conditions: action.conditions } },
        });
        version.current = written.patchNodeStatus?.metadata.resourceVersion;
        return;
      }
      case 'setTaints': {
        const written = await ctx.client.request<Written>(PATCH_NODE, {
          name: nodeName,
          patch: { metadata: { resourceVersion: version.current }, spec: { taints: action.taints } },
        });
        version.current = written.patchNode?.metadata.resourceVersion;
        return;
      }
      case 'nodeNotReadyEvent':
        void events.record(involvedNode(node), 'Normal', 'NodeNotReady', `Node ${nodeName} status is now: NodeNotReady`);
        return;
      case 'markPodNotReady':
        await ctx.client
          .request(PATCH_POD_STATUS, {
            ns: action.pod.metadata.namespace,
            name: action.pod.metadata.name,
            patch: { metadata: { resourceVersion: action.pod.metadata.resourceVersion }, status: { conditions: action.conditions } },
          })
          .catch(podGone);
        void events.record(involvedPod(action.pod), 'Warning', 'NodeNotReady', 'Node is not ready');
        return;
      case 'evictPod':
        // The taint manager deletes with the pod's own grace period (no PodDisruptionBudget applies).
        await markDisrupted(action.pod, TAINT_MANAGER_DISRUPTION);
        await ctx.client.request(DELETE_POD, { ns: action.pod.metadata.namespace, name: action.pod.metadata.name }).catch(podGone);
        void events.record(involvedPod(action.pod), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${action.pod.metadata.namespace}/${action.pod.metadata.name}`);
        return;
      case 'forceDeletePod':
        await ctx.client.request(DELETE_POD, { ns: action.pod.metadata.namespace, name: action.pod.metadata.name, grace: 0 }).catch(podGone);
        return;
    }
  };

  return runController({ name, queue, workers, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) });
}
