// manage and podsShouldBeOnNode (daemon_controller.go): which nodes need a daemon pod and
// which daemon pods must go (extra, failed, succeeded, on nodes that should not run one).
import type { DaemonSet, Node, Pod } from '@wheelhouse/model';
import { isPodAvailable, isPodReady } from '../common/pod-predicates.js';
import { CONTROLLER_REVISION_HASH_LABEL } from '../common/history/history.js';
import { nodeShouldRunDaemonPod } from './node-should-run.js';
import { byCreationAndPhase } from './pods-by-node.js';
import { backoffKey, inBackoff, type BackoffEntry } from './failed-pod-backoff.js';
import { allowsSurge } from './surge.js';

/** kube-controller-manager's burstReplicas for DaemonSets: at most this many creations or deletions per sync. */
export const BURST_REPLICAS = 250;

export interface DaemonEvent {
  eventType: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface ManagePlan {
  /** Nodes to create a daemon pod for. */
  create: string[];
  /** Pods to delete. */
  delete: Pod[];
  events: DaemonEvent[];
  /** Back-off keys whose failed pod is deleted now (their delay grows). */
  backoffNext: string[];
  /** Come back after this long (a failed pod waiting out its back-off). */
  requeueAfterMs?: number;
}

export interface ManageInput {
  ds: DaemonSet;
  nodes: readonly Node[];
  podsByNode: ReadonlyMap<string, Pod[]>;
  hash: string;
  now: Date;
  backoff: (key: string) => BackoffEntry | undefined;
}

/** The plan for one node (podsShouldBeOnNode). */
function planNode(input: ManageInput, node: Node, plan: ManagePlan): void {
  const { ds, hash, now } = input;
  const nodeName = node.metadata.name ?? '';
  const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
  const daemonPods = input.podsByNode.get(nodeName);
  if (shouldRun && !daemonPods) {
    plan.create.push(nodeName);
    return;
  }
  if (!shouldContinueRunning) {
    for (const pod of daemonPods ?? []) if (!pod.metadata.deletionTimestamp) plan.delete.push(pod);
    return;
  }
  const running: Pod[] = [];
  for (const pod of daemonPods ?? []) {
    if (pod.metadata.deletionTimestamp) continue;
    const where = `${pod.metadata.namespace}/${pod.metadata.name} on node ${nodeName}`;
    if (pod.status?.phase === 'Failed') {
      // The DaemonSet often fights a kubelet rejecting its pods: back off rather than hot-loop.
      const key = backoffKey(ds.metadata.uid ?? '', nodeName);
      const entry = input.backoff(key);
      if (inBackoff(entry, now.getTime())) {
        const wait = entry!.delayMs - (now.getTime() - entry!.lastUpdate);
        plan.requeueAfterMs = Math.min(plan.requeueAfterMs ?? Number.POSITIVE_INFINITY, Math.max(wait, 1));
        continue;
      }
      plan.backoffNext.push(key);
      plan.events.push({ eventType: 'Warning', reason: 'FailedDaemonPod', message: `Found failed daemon pod ${where}, will try to kill it` });
      plan.delete.push(pod);
    } else if (pod.status?.phase === 'Succeeded') {
      plan.events.push({ eventType: 'Normal', reason: 'SucceededDaemonPod', message: `Found succeeded daemon pod ${where}, will try to delete it` });
      plan.delete.push(pod);
    } else {
      running.push(pod);
    }
  }
  running.sort(byCreationAndPhase);
  if (!allowsSurge(ds)) {
    // One pod per node: all but the oldest go.
    plan.delete.push(...running.slice(1));
    return;
  }
  if (running.length <= 1) {
    // Surging: a node must keep at least one pod.
    if (running.length === 0 && shouldRun) plan.create.push(nodeName);
    return;
  }
  // Surging allows two pods: the oldest new one while it is not yet available, beside the
  // oldest old one while that is ready. Everything else goes.
  let oldestNew: Pod | undefined;
  let oldestOld: Pod | undefined;
  for (const pod of running) {
    const isNew = pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash;
    if (isNew && !oldestNew) oldestNew = pod;
    else if (!isNew && !oldestOld) oldestOld = pod;
    else plan.delete.push(pod);
  }
  if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec?.minReadySeconds ?? 0, now))) plan.delete.push(oldestOld);
}

/**
 * manage: every node's plan, plus the unbound pods pinned to nodes that no longer exist
 * (bound ones are the pod garbage collector's). Creations and deletions are capped at
 * burstReplicas per sync; the rest come next sync.
 */
export function manage(input: ManageInput): ManagePlan {
  const plan: ManagePlan = { create: [], delete: [], events: [], backoffNext: [] };
  for (const node of input.nodes) planNode(input, node, plan);
  const existing = new Set(input.nodes.map((n) => n.metadata.name ?? ''));
  for (const [nodeName, pods] of input.podsByNode) {
    if (existing.has(nodeName)) continue;
    for (const pod of pods) if (!pod.spec?.nodeName && !pod.metadata.deletionTimestamp) plan.delete.push(pod);
  }
  plan.create = plan.create.slice(0, BURST_REPLICAS);
  plan.delete = plan.delete.slice(0, BURST_REPLICAS);
  return plan;
}
