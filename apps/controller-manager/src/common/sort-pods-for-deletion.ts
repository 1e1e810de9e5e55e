// controller.ActivePodsWithRanks: the order in which a controller prefers to delete pods
// when it scales down — the pods that cost least to lose come first.
import { isPodReady, podReadyCondition } from './pod-predicates.js';
import { timeOf } from './time.js';
import type { Pod } from '@wheelhouse/model';

/** Annotation lowering (or raising) a pod's priority for deletion (PodDeletionCost). */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

export interface DeletionOrderOptions {
  /** Per pod (same index): how many related active pods share its node. Default all 0. */
  ranks?: readonly number[];
  /**
   * With `now`, ready and creation times are compared in log2 buckets of their age, ties
   * broken by uid — Kubernetes' LogarithmicScaleDown (on by default). Without it they are
   * compared exactly, as controller.ActivePods does.
   */
  now?: Date;
}

// Pending < Unknown < Running; any other phase sorts with Pending (Go's zero map value).
const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * Returns a new array, pods to delete first. Rules, first difference wins:
 * 1. unassigned < assigned; 2. Pending < Unknown < Running; 3. not ready < ready;
 * 4. lower pod-deletion-cost < higher; 5. more co-located related pods (higher rank) first;
 * 6. both ready: ready for less time first (no ready time first);
 * 7. more container restarts first (regular containers, then restartable init containers);
 * 8. newer creationTimestamp first (no timestamp first).
 */
export function sortPodsForDeletion(pods: readonly Pod[], options: DeletionOrderOptions = {}): Pod[] {
  const ranked = pods.map((pod, index) => ({ pod, rank: options.ranks?.[index] ?? 0 }));
  ranked.sort((a, b) => comparePodsForDeletion(a.pod, a.rank, b.pod, b.rank, options.now));
  return ranked.map(({ pod }) => pod);
}

/** Negative when `a` should be deleted before `b`, positive when after, 0 when no rule decides. */
export function comparePodsForDeletion(a: Pod, rankA: number, b: Pod, rankB: number, now?: Date): number {
  const less = (x: boolean): number => (x ? -1 : 1);
  const nodeA = a.spec?.nodeName ?? '';
  const nodeB = b.spec?.nodeName ?? '';
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return less(nodeA === '');

  const phaseA = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const phaseB = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (phaseA !== phaseB) return less(phaseA < phaseB);

  const readyA = isPodReady(a);
  const readyB = isPodReady(b);
  if (readyA !== readyB) return less(!readyA);

  const costA = podDeletionCost(a);
  const costB = podDeletionCost(b);
  if (costA !== costB) return less(costA < costB);

  if (rankA !== rankB) return less(rankA > rankB);

  if (readyA && readyB) {
    const byReadyTime = compareAges(readyTimeOf(a), readyTimeOf(b), a, b, now);
    if (byReadyTime !== undefined) return byReadyTime;
  }

  const [regularA, sidecarA] = maxContainerRestarts(a);
  const [regularB, sidecarB] = maxContainerRestarts(b);
  if (regularA !== regularB) return less(regularA > regularB);
  if (sidecarA !== sidecarB) return less(sidecarA > sidecarB);

  return compareAges(timeOf(a.metadata.creationTimestamp), timeOf(b.metadata.creationTimestamp), a, b, now) ?? 0;
}

/** The pod-deletion-cost annotation as an int32; absent or malformed counts as 0. */
export function podDeletionCost(pod: Pod): number {
  const value = pod.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  // Kubernetes rejects "+10" and leading zeros ("007", though "-007" passes), then
  // parses a 32-bit integer.
  if (value === undefined || !/^(-[0-9]+|0|[1-9][0-9]*)$/.test(value)) return 0;
  const cost = Number(value);
  return cost >= -2147483648 && cost <= 2147483647 ? cost : 0;
}

function readyTimeOf(pod: Pod): number | undefined {
  return timeOf(podReadyCondition(pod)?.lastTransitionTime);
}

// Younger first; a missing time counts as youngest (afterOrZero). With `now`, ages in the
// same power-of-two bucket are equal and the pods' uids decide instead (equal uids: a
// tie that ends the comparison). Undefined when the times are equal: the rule abstains.
function compareAges(t1: number | undefined, t2: number | undefined, a: Pod, b: Pod, now?: Date): number | undefined {
  if (t1 === t2) return undefined;
  if (t1 === undefined || t2 === undefined) return t1 === undefined ? -1 : 1;
  if (!now) return t1 > t2 ? -1 : 1;
  const bucketDiff = ageBucket(now.getTime() - t1) - ageBucket(now.getTime() - t2);
  if (bucketDiff !== 0) return bucketDiff < 0 ? -1 : 1;
  const uidA = a.metadata.uid ?? '';
  const uidB = b.metadata.uid ?? '';
  return uidA === uidB ? 0 : uidA < uidB ? -1 : 1;
}

// floor(log2(age in nanoseconds)), -1 for ages <= 0 (logarithmicRankDiff).
function ageBucket(ageMs: number): number {
  return ageMs > 0 ? Math.floor(Math.log2(ageMs * 1e6)) : -1;
}

// The highest restart count among regular containers, and among restartable init
// containers ("sidecars"), which only break ties.
function maxContainerRestarts(pod: Pod): [number, number] {
  const regular = Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
  const sidecarNames = new Set((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const sidecar = Math.max(0, ...(pod.status?.initContainerStatuses ?? []).filter((c) => sidecarNames.has(c.name ?? '')).map((c) => c.restartCount ?? 0));
  return [regular, sidecar];
}
