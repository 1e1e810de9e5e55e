import { hasCode } from '@wheelhouse/client';
import { POD_GC_DISRUPTION, TAINT_MANAGER_DISRUPTION, withDisruptionTarget, type DisruptionCause } from '@wheelhouse/resources';
import { WorkQueue, done, realClock, requeueAfter, runController } from '@wheelhouse/controller-runtime';
import type { Node, Pod } from '@wheelhouse/model';
import type { ConditionStatus } from '../common/vocabulary.js';
import type { ManagerContext, PreparedController } from '../runtime/context.js';
import { POD_NODE_NAME_INDEX, podIndexers } from '../runtime/indexers.js';
import { involvedObject } from '../runtime/involved.js';
import { decideNodeLifecycle, type NodeLifecycleAction, type NodeLifecycleState } from './decide.js';
import { TaintingLimiter } from './tainting-limiter.js';
import { orphanQuarantineLeft } from './pod-gc.js';
import { zoneOf } from './disruption.js';
import { readyStatus } from './node-health.js';
import { Heartbeats } from './heartbeats.js';

/** The answer a write needs: the node's new resourceVersion (the next write's precondition), or nothing much. */
const VERSION_ONLY = { select: 'metadata { resourceVersion }' };
const NAME_ONLY = { select: 'metadata { name }' };

/**
 * The node lifecycle controller: marks nodes whose Lease is no longer renewed Unknown
 * and taints them, keeps condition taints in step, evicts pods from NoExecute-tainted
 * nodes by their tolerations, marks pods of unreachable nodes not Ready and force-deletes
 * the ones whose grace ran out there, and the pods of nodes that no longer exist. One key
 * per node; decisions in decide.ts and pod-gc.ts.
 */
export function nodeLifecycleController(ctx: ManagerContext, workers = 2): PreparedController {
  const name = 'node-lifecycle-controller';
  const gracePeriodMs = ctx.settings.nodeMonitorGracePeriodMs;
  const queue = new WorkQueue();
  const events = ctx.events(name);
  const heartbeats = new Heartbeats(ctx.now);
  const limiter = new TaintingLimiter(
    { ...realClock, now: () => ctx.now().getTime() },
    { normal: ctx.settings.nodeEvictionRate, secondary: ctx.settings.secondaryNodeEvictionRate },
  );
  const lastSeenReady = new Map<string, ConditionStatus>();
  const nodes = ctx.informers.informerFor('Node');
  const pods = ctx.informers.informerFor('Pod').addIndexers(podIndexers);
  /** Leases in kube-node-lease: the node agents' heartbeats. */
  const nodeLeases = ctx.informers.informerFor('Lease', { namespace: 'kube-node-lease' });
  const { nodes: nodeClient, pods: podClient } = ctx.clientset;
  /** Nodes that pods are bound to but that do not exist, since when (pod GC's quarantine). */
  const missingSince = new Map<string, number>();

  const nodeSeen = (node: Node) => {
    heartbeats.nodeSeen(node);
    queue.add(node.metadata.name ?? '');
  };
  nodes.addEventHandler({ onAdd: nodeSeen, onUpdate: (_old, node) => nodeSeen(node), onDelete: (node) => queue.add(node.metadata.name ?? '') });
  nodeLeases.addEventHandler({
    onAdd: (lease) => heartbeats.leaseSeen(lease) && queue.add(lease.metadata.name ?? ''),
    onUpdate: (_old, lease) => heartbeats.leaseSeen(lease) && queue.add(lease.metadata.name ?? ''),
  });
  // A pod's node is looked at whenever the pod comes, goes or moves; which pods a node has is the index's business.
  const nodeOf = (pod: Pod) => pod.spec?.nodeName;
  const enqueueNodeOf = (pod: Pod) => {
    const nodeName = nodeOf(pod);
    if (nodeName) queue.add(nodeName);
  };
  pods.addEventHandler({
    onAdd: enqueueNodeOf,
    onUpdate: (old, pod) => {
      if (nodeOf(old) !== nodeOf(pod)) enqueueNodeOf(old);
      enqueueNodeOf(pod);
    },
    onDelete: enqueueNodeOf,
  });

  const reconcile = async (nodeName: string) => {
    const node = nodes.get(nodeName);
    const nodePods = pods.byIndex(POD_NODE_NAME_INDEX, nodeName);
    if (!node) {
      heartbeats.forget(nodeName);
      lastSeenReady.delete(nodeName);
      return collectOrphans(nodeName, nodePods);
    }
    missingSince.delete(nodeName);
    const state: NodeLifecycleState = {
      node,
      pods: nodePods,
      lastHeardMs: heartbeats.lastHeard(nodeName),
      lastSeenReady: lastSeenReady.get(nodeName),
      now: ctx.now(),
      gracePeriodMs,
      readinessOfOthers: () =>
        nodes
          .list()
          .filter((n) => n.metadata.name !== nodeName)
          .map((n) => ({ zone: zoneOf(n.metadata.labels), ready: readyStatus(n.status?.conditions) })),
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
  const collectOrphans = async (nodeName: string, pods: Pod[]) => {
    if (pods.length === 0) {
      missingSince.delete(nodeName);
      return done();
    }
    if (!missingSince.has(nodeName)) missingSince.set(nodeName, ctx.now().getTime());
    const left = orphanQuarantineLeft(missingSince.get(nodeName)!, ctx.now().getTime(), gracePeriodMs);
    if (left > 0) return requeueAfter(left + 100);
    // The cache may be behind: only the API can say the node is really gone.
    if (await nodeClient.get({ name: nodeName }, NAME_ONLY)) return done();
    for (const pod of pods) {
      await markDisrupted(pod, POD_GC_DISRUPTION);
      await podClient.delete(pod.metadata, { ...NAME_ONLY, gracePeriodSeconds: 0 }).catch(podGone);
    }
    missingSince.delete(nodeName);
    return done();
  };

  /** DisruptionTarget=True before the delete, conditional on the pod as the decision saw it. */
  const markDisrupted = async (pod: Pod, cause: DisruptionCause) => {
    const conditions = withDisruptionTarget(pod.status?.conditions ?? [], cause, ctx.now());
    if (!conditions) return;
    await podClient.patchStatus(pod.metadata, { metadata: { resourceVersion: pod.metadata.resourceVersion }, status: { conditions } }, NAME_ONLY).catch(podGone);
  };

  const involvedNode = (node: Node) => ({ apiVersion: 'v1', kind: 'Node', name: node.metadata.name ?? '', uid: node.metadata.uid ?? node.metadata.name ?? '' });
  const involvedPod = (pod: Pod) => involvedObject(pod, { apiVersion: 'v1', kind: 'Pod' });
  const podGone = (error: unknown) => {
    if (!hasCode(error, 'NOT_FOUND')) throw error;
  };

  const act = async (node: Node, version: { current?: string }, action: NodeLifecycleAction) => {
    const nodeName = node.metadata.name;
    switch (action.type) {
      case 'setConditions': {
        // The precondition: a kubelet that came back meanwhile wins.
        const written = await nodeClient.patchStatus(node.metadata, { metadata: { resourceVersion: version.current }, status: { conditions: action.conditions } }, VERSION_ONLY);
        version.current = written.metadata.resourceVersion;
        return;
      }
      case 'setTaints': {
        const written = await nodeClient.patch(node.metadata, { metadata: { resourceVersion: version.current }, spec: { taints: action.taints } }, VERSION_ONLY);
        version.current = written.metadata.resourceVersion;
        return;
      }
      case 'nodeNotReadyEvent':
        void events.record(involvedNode(node), 'Normal', 'NodeNotReady', `Node ${nodeName} status is now: NodeNotReady`);
        return;
      case 'markPodNotReady':
        await podClient
          .patchStatus(action.pod.metadata, { metadata: { resourceVersion: action.pod.metadata.resourceVersion }, status: { conditions: action.conditions } }, NAME_ONLY)
          .catch(podGone);
        void events.record(involvedPod(action.pod), 'Warning', 'NodeNotReady', 'Node is not ready');
        return;
      case 'evictPod':
        // The taint manager deletes with the pod's own grace period (no PodDisruptionBudget applies).
        await markDisrupted(action.pod, TAINT_MANAGER_DISRUPTION);
        await podClient.delete(action.pod.metadata, NAME_ONLY).catch(podGone);
        void events.record(involvedPod(action.pod), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${action.pod.metadata.namespace}/${action.pod.metadata.name}`);
        return;
      case 'forceDeletePod':
        await podClient.delete(action.pod.metadata, { ...NAME_ONLY, gracePeriodSeconds: 0 }).catch(podGone);
        return;
    }
  };

  return { name, run: () => runController({ name, queue, workers, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) }) };
}
