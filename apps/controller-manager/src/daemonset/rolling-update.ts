// rollingUpdate (pkg/controller/daemon/update.go): which old pods to delete (maxUnavailable)
// or which nodes get a surge pod beside the old one (maxSurge). The manage loop creates the
// replacements and removes the extra pods.
import type { DaemonSet, Node, Pod } from '@wheelhouse/model';
import { isPodAvailable } from '../common/pod-predicates.js';
import { isPodUpdated, templateGeneration } from './daemon-pod.js';
import { nodeShouldRunDaemonPod } from './node-should-run.js';
import { surgeCount, unavailableCount } from './surge.js';

export interface RollingUpdatePlan {
  delete: Pod[];
  create: string[];
}

export interface RollingUpdateInput {
  ds: DaemonSet;
  nodes: readonly Node[];
  podsByNode: ReadonlyMap<string, Pod[]>;
  hash: string;
  now: Date;
}

/**
 * findUpdatedPodsOnNode: the node's one new and one old pod (either may be missing);
 * ok false when there are more (the manage loop prunes them first).
 */
export function updatedPodsOnNode(ds: DaemonSet, pods: readonly Pod[], hash: string): { newPod?: Pod; oldPod?: Pod; ok: boolean } {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  const generation = templateGeneration(ds);
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { newPod, oldPod, ok: true };
}

/**
 * updatedDesiredNodeCounts: maxSurge and maxUnavailable scaled to the nodes that should run
 * the pod, every such node listed (with no pods if it has none). A configuration allowing
 * neither falls back to one unavailable, as upstream.
 */
function desiredCounts(input: RollingUpdateInput) {
  const byNode = new Map(input.podsByNode);
  let desired = 0;
  for (const node of input.nodes) {
    if (!nodeShouldRunDaemonPod(node, input.ds).shouldRun) continue;
    desired++;
    if (!byNode.has(node.metadata.name ?? '')) byNode.set(node.metadata.name ?? '', []);
  }
  // Node name order: upstream walks a map (any order); a fixed one makes syncs repeatable.
  const sorted = new Map([...byNode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  let maxUnavailable = unavailableCount(input.ds, desired);
  const maxSurge = surgeCount(input.ds, desired);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { byNode: sorted, desired, maxUnavailable, maxSurge };
}

/** The whole of rollingUpdate: without surge, delete just enough old pods; with surge, create new ones beside them. */
export function rollingUpdate(input: RollingUpdateInput): RollingUpdatePlan {
  const counts = desiredCounts(input);
  return counts.maxSurge === 0 ? withoutSurge(input, counts) : withSurge(input, counts);
}

type Counts = ReturnType<typeof desiredCounts>;

/**
 * Not surging: new pods that are not available, and nodes in flux, count against
 * maxUnavailable; old pods that are not available are replaced at once; available old
 * pods are deleted while the budget allows.
 */
function withoutSurge(input: RollingUpdateInput, { byNode, maxUnavailable }: Counts): RollingUpdatePlan {
  const { ds, hash, now } = input;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  let numUnavailable = 0;
  const allowedReplacements: Pod[] = [];
  const candidates: Pod[] = [];
  for (const pods of byNode.values()) {
    const { newPod, oldPod, ok } = updatedPodsOnNode(ds, pods, hash);
    if (!ok) {
      numUnavailable++;
      continue;
    }
    if ((!oldPod && !newPod) || (oldPod && newPod)) {
      numUnavailable++;
    } else if (newPod) {
      if (!isPodAvailable(newPod, minReady, now)) numUnavailable++;
    } else if (oldPod) {
      if (!isPodAvailable(oldPod, minReady, now)) {
        allowedReplacements.push(oldPod);
        numUnavailable++;
      } else if (numUnavailable < maxUnavailable) {
        candidates.push(oldPod);
      }
    }
  }
  const remaining = Math.min(Math.max(maxUnavailable - numUnavailable, 0), candidates.length);
  return { delete: [...allowedReplacements, ...candidates.slice(0, remaining)], create: [] };
}

/**
 * Surging: a node whose old pod is unavailable gets its new pod at once; up to maxSurge
 * nodes with an available old pod get one beside it; an old pod goes once its node's new
 * pod is available. Old pods on nodes that should no longer run one go only while
 * enough pods elsewhere are available.
 */
function withSurge(input: RollingUpdateInput, { byNode, desired, maxSurge }: Counts): RollingUpdatePlan {
  const { ds, hash, now } = input;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const nodes = new Map(input.nodes.map((n) => [n.metadata.name ?? '', n]));
  const shouldRun = (nodeName: string) => {
    const node = nodes.get(nodeName);
    return node !== undefined && nodeShouldRunDaemonPod(node, ds).shouldRun;
  };
  const oldPodsToDelete: Pod[] = [];
  const shouldNotRunPodsToDelete: Pod[] = [];
  const candidateNewNodes: string[] = [];
  const allowedNewNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const [nodeName, pods] of byNode) {
    const { newPod, oldPod, ok } = updatedPodsOnNode(ds, pods, hash);
    if (!ok) {
      numSurge++;
      continue;
    }
    if (oldPod) {
      if (isPodAvailable(oldPod, minReady, now)) numAvailable++;
    } else if (newPod && isPodAvailable(newPod, minReady, now)) {
      numAvailable++;
    }
    if (!oldPod) continue;
    if (!newPod) {
      if (!isPodAvailable(oldPod, minReady, now)) {
        if (!shouldRun(nodeName)) oldPodsToDelete.push(oldPod);
        else allowedNewNodes.push(nodeName);
      } else if (!shouldRun(nodeName)) {
        shouldNotRunPodsToDelete.push(oldPod);
      } else if (numSurge < maxSurge) {
        candidateNewNodes.push(nodeName);
      }
      continue;
    }
    if (!isPodAvailable(newPod, minReady, now)) numSurge++;
    else oldPodsToDelete.push(oldPod);
  }
  // 100% availability is what surging promises: a pod on a node leaving the set goes only
  // when as many pods as wanted are available elsewhere.
  const deletable = Math.min(numAvailable - desired, shouldNotRunPodsToDelete.length);
  if (deletable > 0) oldPodsToDelete.push(...shouldNotRunPodsToDelete.slice(0, deletable));
  const remainingSurge = Math.min(Math.max(maxSurge - numSurge, 0), candidateNewNodes.length);
  return { delete: oldPodsToDelete, create: [...allowedNewNodes, ...candidateNewNodes.slice(0, remainingSurge)] };
}
