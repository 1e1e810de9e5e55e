// cleanupDeployment: keep only revisionHistoryLimit old ReplicaSets for rollback (sync.go).
import type { Deployment, ReplicaSet } from '@wheelhouse/model';
import { byRevision, specReplicasOf } from './replica-sets.js';
import { hasRevisionHistoryLimit, revisionHistoryLimitOf } from './spec.js';

/**
 * The old ReplicaSets to delete: of those not already being deleted, the ones beyond the
 * limit, lowest revision first — but only if they are fully scaled down (spec and status
 * both 0, latest generation observed). A skipped one is not replaced by the next.
 */
export function cleanupPolicy(d: Deployment, oldRSs: readonly ReplicaSet[]): ReplicaSet[] {
  if (!hasRevisionHistoryLimit(d)) return [];
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - revisionHistoryLimitOf(d)!;
  if (diff <= 0) return [];
  return [...cleanable]
    .sort(byRevision)
    .slice(0, diff)
    .filter((rs) => (rs.status?.replicas ?? 0) === 0 && specReplicasOf(rs) === 0 && (rs.metadata.generation ?? 0) <= (rs.status?.observedGeneration ?? 0));
}
