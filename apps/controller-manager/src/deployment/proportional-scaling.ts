// Scaling a Deployment whose spec.replicas changed mid-rollout (or while paused): spread
// the change over the active ReplicaSets in proportion to their size (sync.go `scale`).
import type { Deployment, ReplicaSet } from '@wheelhouse/model';
import { maxSurgeOf } from './fenceposts.js';
import { desiredReplicasAnnotationOf, maxReplicasAnnotationOf } from './replica-set-annotations.js';
import { byCreationTimestamp, bySizeNewer, bySizeOlder, filterActiveReplicaSets, replicaCountOf, specReplicasOf } from './replica-sets.js';
import type { ReplicaSetScale } from './rolling-update.js';
import { isRollingUpdate, replicasOf } from './spec.js';

/**
 * The only active ReplicaSet; with none active, the new one or else the newest old one;
 * undefined when several are active (they need proportional scaling).
 */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = filterActiveReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** The new ReplicaSet holds all replicas, both sides agree (desired-replicas) and all are available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotationOf(rs);
  if (desired === undefined) return false;
  const replicas = replicasOf(d);
  return specReplicasOf(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/**
 * getReplicaSetFraction: how many replicas `rs` should gain (or lose) so that it keeps
 * its share of spec.replicas + maxSurge, measured against the max-replicas annotation
 * written at the last scale. Without a usable annotation, status.replicas is the base;
 * if that is 0 too, nothing changes. Scaling to 0 takes the whole ReplicaSet.
 */
export function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  const replicas = specReplicasOf(rs);
  if (replicasOf(d) === 0) return -replicas;
  const deploymentMaxReplicas = replicasOf(d) + maxSurgeOf(d);
  let maxReplicasBeforeScale = maxReplicasAnnotationOf(rs);
  if (maxReplicasBeforeScale === undefined || maxReplicasBeforeScale === 0) {
    maxReplicasBeforeScale = d.status?.replicas ?? 0;
    if (maxReplicasBeforeScale === 0) return 0;
  }
  return roundHalfAwayFromZero((replicas * deploymentMaxReplicas) / maxReplicasBeforeScale) - replicas;
}

/**
 * GetProportion: `rs`'s share of the replicas still to add (negative: remove), clamped so
 * the running total never overshoots `toAdd`. An empty ReplicaSet never grows here.
 */
export function getProportion(rs: ReplicaSet | undefined, d: Deployment, toAdd: number, added: number): number {
  if (!rs || specReplicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/**
 * `scale`: the sizes to write, in order. One active ReplicaSet (or none) simply takes
 * spec.replicas; a saturated new ReplicaSet retires the old ones; otherwise, for rolling
 * updates, the difference to spec.replicas + maxSurge is spread proportionally — larger
 * ReplicaSets first (newer first when growing, older first when shrinking) — and the
 * rounding leftover goes to the first. In that last case every active ReplicaSet is
 * listed, changed or not, because its desired/max annotations are refreshed too.
 */
export function proportionalScale(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSetScale[] {
  const replicas = replicasOf(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    return specReplicasOf(activeOrLatest) === replicas ? [] : [{ replicaSet: activeOrLatest, replicas }];
  }
  if (isSaturated(d, newRS)) {
    return filterActiveReplicaSets(oldRSs).map((rs) => ({ replicaSet: rs, replicas: 0 }));
  }
  if (!isRollingUpdate(d)) return [];

  const allRSs = filterActiveReplicaSets([...oldRSs, newRS]);
  const allowedSize = replicas > 0 ? replicas + maxSurgeOf(d) : 0;
  const toAdd = allowedSize - replicaCountOf(allRSs);
  if (toAdd > 0) allRSs.sort(bySizeNewer);
  else if (toAdd < 0) allRSs.sort(bySizeOlder);

  let added = 0;
  const sizes = allRSs.map((rs) => {
    if (toAdd === 0) return specReplicasOf(rs);
    const proportion = getProportion(rs, d, toAdd, added);
    added += proportion;
    return specReplicasOf(rs) + proportion;
  });
  if (toAdd !== 0 && sizes.length > 0) sizes[0] = Math.max(0, sizes[0]! + toAdd - added);
  return allRSs.map((rs, i) => ({ replicaSet: rs, replicas: sizes[i]! }));
}

// integer.RoundToInt32 (math.Round): halves go away from zero, unlike Math.round.
function roundHalfAwayFromZero(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}
