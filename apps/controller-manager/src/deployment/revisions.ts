// The revision annotation: which rollout a ReplicaSet belongs to (deployment_util.go).
import type { KubeObject, ReplicaSet } from '@wheelhouse/model';
import { REVISION_ANNOTATION } from './annotations.js';

/** The revision number; 0 without the annotation, undefined when it is not an integer. */
export function revisionOf(obj: KubeObject | undefined): number | undefined {
  if (!obj) return undefined;
  const value = obj.metadata.annotations?.[REVISION_ANNOTATION];
  if (value === undefined) return 0;
  return /^[+-]?[0-9]+$/.test(value) ? Number(value) : undefined;
}

/** The highest revision among the ReplicaSets (unparsable ones are skipped), 0 if none. */
export function maxRevision(replicaSets: readonly (ReplicaSet | undefined)[]): number {
  let max = 0;
  for (const rs of replicaSets) {
    const revision = revisionOf(rs);
    if (revision !== undefined && revision > max) max = revision;
  }
  return max;
}

/** The second-highest revision: the one a rollback without a target returns to. */
export function lastRevision(replicaSets: readonly (ReplicaSet | undefined)[]): number {
  let max = 0;
  let secondMax = 0;
  for (const rs of replicaSets) {
    const revision = revisionOf(rs);
    if (revision === undefined) continue;
    if (revision >= max) {
      secondMax = max;
      max = revision;
    } else if (revision > secondMax) {
      secondMax = revision;
    }
  }
  return secondMax;
}

/** The revision a new ReplicaSet gets: one past the highest old one. */
export function nextRevision(oldReplicaSets: readonly (ReplicaSet | undefined)[]): number {
  return maxRevision(oldReplicaSets) + 1;
}
