// RollingUpdate: grow the new ReplicaSet within maxSurge, shrink the old ones within
// maxUnavailable (rolling.go, NewRSNewReplicas in deployment_util.go).
import type { Deployment, ReplicaSet } from '@wheelhouse/model';
import { maxUnavailableOf } from './fenceposts.js';
import { scaledValueFromIntOrPercent } from './int-or-percent.js';
import { availableReplicaCountOf, byCreationTimestamp, replicaCountOf, specReplicasOf, withReplicas } from './replica-sets.js';
import { isRollingUpdate, replicasOf, rollingUpdateOf } from './spec.js';

/** One scale call: set `replicaSet` (as it is at that moment) to `replicas`. */
export interface ReplicaSetScale {
  replicaSet: ReplicaSet;
  replicas: number;
}

/**
 * NewRSNewReplicas: Recreate jumps to spec.replicas; RollingUpdate adds as many as the
 * surge budget (spec.replicas + maxSurge - all pods asked for) allows, never beyond
 * spec.replicas. Throws on a malformed maxSurge.
 */
export function newRSNewReplicas(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d)) return replicas;
  const maxSurge = scaledValueFromIntOrPercent(rollingUpdateOf(d).maxSurge, replicas, true);
  const currentPodCount = replicaCountOf(allRSs);
  const maxTotalPods = replicas + maxSurge;
  const newReplicas = specReplicasOf(newRS);
  if (currentPodCount >= maxTotalPods) return newReplicas;
  return newReplicas + Math.min(maxTotalPods - currentPodCount, replicas - newReplicas);
}

/** reconcileNewReplicaSet: the new ReplicaSet's next size, or undefined when it stays. */
export function reconcileNewReplicaSet(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet): ReplicaSetScale | undefined {
  const current = specReplicasOf(newRS);
  const replicas = replicasOf(d);
  if (current === replicas) return undefined;
  const next = current > replicas ? replicas : newRSNewReplicas(d, allRSs, newRS);
  return next === current ? undefined : { replicaSet: newRS, replicas: next };
}

/**
 * reconcileOldReplicaSets: the scale-downs of old ReplicaSets, in order. Unhealthy
 * replicas go first (they cost no availability), then healthy ones while more than
 * spec.replicas - maxUnavailable stay available. Nothing happens while the new
 * ReplicaSet's own unavailable pods already use up the budget.
 * `oldRSs` are the active old ReplicaSets. `scaledDown` is what the rollout step reports
 * (false when Kubernetes aborted the cleanup, even if it had scaled something before).
 */
export function reconcileOldReplicaSets(
  d: Deployment,
  allRSs: readonly (ReplicaSet | undefined)[],
  oldRSs: readonly ReplicaSet[],
  newRS: ReplicaSet | undefined,
): { scales: ReplicaSetScale[]; scaledDown: boolean } {
  const none = { scales: [], scaledDown: false };
  if (replicaCountOf(oldRSs) === 0) return none;
  const minAvailable = replicasOf(d) - maxUnavailableOf(d);
  const newRSUnavailable = newRS ? specReplicasOf(newRS) - (newRS.status?.availableReplicas ?? 0) : 0;
  const maxScaledDown = replicaCountOf(allRSs) - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return none;

  const cleanup = cleanupUnhealthyReplicas(oldRSs, maxScaledDown);
  // Kubernetes gives up on this sync (keeping the scales already made) on a bad cleanup.
  if (cleanup.invalid) return { scales: cleanup.scales, scaledDown: false };
  const scaleDown = scaleDownOldReplicaSetsForRollingUpdate(d, [...cleanup.oldRSs, newRS], cleanup.oldRSs);
  const scales = [...cleanup.scales, ...scaleDown];
  return { scales, scaledDown: scales.length > 0 };
}

/**
 * Scales old ReplicaSets (oldest first) down by their unavailable replicas, at most
 * `maxCleanupCount` in total. Returns the scales and the old ReplicaSets as they are after.
 * `invalid` marks a ReplicaSet reporting more available pods than it asks for (mid
 * scale-down), where Kubernetes stops with an error after the scales before it.
 */
export function cleanupUnhealthyReplicas(
  oldRSs: readonly ReplicaSet[],
  maxCleanupCount: number,
): { scales: ReplicaSetScale[]; oldRSs: ReplicaSet[]; scaledDown: number; invalid: boolean } {
  const sorted = [...oldRSs].sort(byCreationTimestamp);
  const scales: ReplicaSetScale[] = [];
  let scaledDown = 0;
  for (const [i, rs] of sorted.entries()) {
    if (scaledDown >= maxCleanupCount) break;
    const replicas = specReplicasOf(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const count = Math.min(maxCleanupCount - scaledDown, replicas - available);
    if (count < 0) return { scales, oldRSs: sorted, scaledDown, invalid: true };
    scales.push({ replicaSet: rs, replicas: replicas - count });
    sorted[i] = withReplicas(rs, replicas - count);
    scaledDown += count;
  }
  return { scales, oldRSs: sorted, scaledDown, invalid: false };
}

/**
 * Scales old ReplicaSets (oldest first) down while the available pods of all ReplicaSets
 * exceed spec.replicas - maxUnavailable.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], oldRSs: readonly ReplicaSet[]): ReplicaSetScale[] {
  const minAvailable = replicasOf(d) - maxUnavailableOf(d);
  const availablePodCount = availableReplicaCountOf(allRSs);
  if (availablePodCount <= minAvailable) return [];
  const totalScaleDownCount = availablePodCount - minAvailable;
  const scales: ReplicaSetScale[] = [];
  let scaledDown = 0;
  for (const rs of [...oldRSs].sort(byCreationTimestamp)) {
    if (scaledDown >= totalScaleDownCount) break;
    const replicas = specReplicasOf(rs);
    if (replicas === 0) continue;
    const count = Math.min(replicas, totalScaleDownCount - scaledDown);
    scales.push({ replicaSet: rs, replicas: replicas - count });
    scaledDown += count;
  }
  return scales;
}
