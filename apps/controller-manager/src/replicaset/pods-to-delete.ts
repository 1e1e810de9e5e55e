// Which pods a ReplicaSet deletes when it has too many (getPodsToDelete and the
// co-location ranking from replica_set.go).
import { controllerRef } from '../common/owner-references.js';
import { isPodActive } from '../common/pod-predicates.js';
import { sortPodsForDeletion } from '../common/sort-pods-for-deletion.js';
import { matches } from '@wheelhouse/selectors';
import type { Pod } from '@wheelhouse/model';
import { podSelectorOf, type ReplicaSetKind, type ReplicaSetLike } from './kind.js';

/** The most pods one sync creates or deletes (kube-controller-manager's BurstReplicas). */
export const BURST_REPLICAS = 500;

/**
 * getIndirectlyRelatedPods: pods selected by any ReplicaSet sharing `rs`'s controller
 * (the sibling ReplicaSets of one Deployment), each once. None when `rs` has no controller.
 */
export function relatedPodsOf(rs: ReplicaSetLike, kind: ReplicaSetKind, replicaSets: readonly ReplicaSetLike[], pods: readonly Pod[]): Pod[] {
  const owner = controllerRef(rs);
  if (!owner) return [];
  const siblings = replicaSets.filter((other) => controllerRef(other)?.uid === owner.uid);
  const seen = new Set<Pod>();
  for (const sibling of siblings) {
    let selector: ReturnType<typeof podSelectorOf>;
    try {
      selector = podSelectorOf(sibling, kind);
    } catch {
      continue; // an invalid selector relates nothing, as in Kubernetes
    }
    for (const pod of pods) {
      if (pod.metadata.namespace === sibling.metadata.namespace && matches(selector, pod.metadata.labels ?? {})) seen.add(pod);
    }
  }
  return [...seen];
}

/** Each pod's rank: the number of active related pods on its node (same key for unassigned). */
export function ranksByRelatedPodsOnSameNode(podsToRank: readonly Pod[], relatedPods: readonly Pod[]): number[] {
  const podsOnNode = new Map<string, number>();
  for (const pod of relatedPods) {
    if (!isPodActive(pod)) continue;
    const node = pod.spec?.nodeName ?? '';
    podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1);
  }
  return podsToRank.map((pod) => podsOnNode.get(pod.spec?.nodeName ?? '') ?? 0);
}

/** The first `count` pods in deletion order; no sorting when all of them go. */
export function podsToDelete(pods: readonly Pod[], relatedPods: readonly Pod[], count: number, now: Date): Pod[] {
  if (count >= pods.length) return pods.slice(0, count);
  const ranks = ranksByRelatedPodsOnSameNode(pods, relatedPods);
  return sortPodsForDeletion(pods, { ranks, now }).slice(0, count);
}
