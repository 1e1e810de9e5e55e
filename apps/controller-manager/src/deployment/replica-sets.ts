// Orderings and sums over a Deployment's ReplicaSets (controller_utils.go, deployment_util.go).
import { timeOf } from '../common/time.js';
import type { ReplicaSet } from '@wheelhouse/model';
import { desiredReplicasOf } from '../replicaset/kind.js';
import { revisionOf } from './revisions.js';

/** spec.replicas (API default 1). */
export const specReplicasOf = (rs: ReplicaSet): number => desiredReplicasOf(rs);

/** ReplicaSetsByCreationTimestamp: older first, then by name. A missing timestamp is the oldest. */
export function byCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const ta = timeOf(a.metadata.creationTimestamp) ?? -Infinity;
  const tb = timeOf(b.metadata.creationTimestamp) ?? -Infinity;
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** ReplicaSetsBySizeOlder: larger first; equal sizes oldest first (scale down the old first). */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  const diff = specReplicasOf(b) - specReplicasOf(a);
  return diff !== 0 ? diff : byCreationTimestamp(a, b);
}

/** ReplicaSetsBySizeNewer: larger first; equal sizes newest first (scale up the new first). */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  const diff = specReplicasOf(b) - specReplicasOf(a);
  return diff !== 0 ? diff : byCreationTimestamp(b, a);
}

/** ReplicaSetsByRevision: lower revision first; unparsable or equal revisions by creation time. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (ra === undefined || rb === undefined || ra === rb) return byCreationTimestamp(a, b);
  return ra < rb ? -1 : 1;
}

/** ReplicaSets that want pods (spec.replicas > 0). */
export function filterActiveReplicaSets(replicaSets: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return replicaSets.filter((rs): rs is ReplicaSet => rs !== undefined && specReplicasOf(rs) > 0);
}

const sum = (replicaSets: readonly (ReplicaSet | undefined)[], count: (rs: ReplicaSet) => number): number => replicaSets.reduce((total, rs) => total + (rs ? count(rs) : 0), 0);

/** Sum of spec.replicas: the pods asked for. */
export const replicaCountOf = (rss: readonly (ReplicaSet | undefined)[]): number => sum(rss, specReplicasOf);
/** Sum of status.replicas: the pods that exist. */
export const actualReplicaCountOf = (rss: readonly (ReplicaSet | undefined)[]): number => sum(rss, (rs) => rs.status?.replicas ?? 0);
/** Sum of status.readyReplicas. */
export const readyReplicaCountOf = (rss: readonly (ReplicaSet | undefined)[]): number => sum(rss, (rs) => rs.status?.readyReplicas ?? 0);
/** Sum of status.availableReplicas. */
export const availableReplicaCountOf = (rss: readonly (ReplicaSet | undefined)[]): number => sum(rss, (rs) => rs.status?.availableReplicas ?? 0);

/** A copy of `rs` with spec.replicas set (what a scale writes). */
export function withReplicas(rs: ReplicaSet, replicas: number): ReplicaSet {
  return { ...rs, spec: { ...rs.spec, replicas } };
}
