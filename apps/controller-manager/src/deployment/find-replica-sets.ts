// Which of a Deployment's ReplicaSets is the new one (same template) and which are old.
import type { Deployment, ReplicaSet } from '@wheelhouse/model';
import { equalIgnoreHash } from './pod-template-hash.js';
import { byCreationTimestamp, specReplicasOf } from './replica-sets.js';

/**
 * The ReplicaSet whose template equals the Deployment's (ignoring pod-template-hash). If
 * several do (possible after upgrades that change hashing), the oldest wins.
 */
export function findNewReplicaSet(d: Deployment, replicaSets: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...replicaSets].sort(byCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

export interface NewAndOldReplicaSets {
  newRS: ReplicaSet | undefined;
  /** Every ReplicaSet but the new one. */
  allOldRSs: ReplicaSet[];
  /** The old ReplicaSets that still want pods (spec.replicas != 0). */
  requiredOldRSs: ReplicaSet[];
}

/** FindNewReplicaSet and FindOldReplicaSets in one pass. */
export function findNewAndOldReplicaSets(d: Deployment, replicaSets: readonly ReplicaSet[]): NewAndOldReplicaSets {
  const newRS = findNewReplicaSet(d, replicaSets);
  const allOldRSs = replicaSets.filter((rs) => rs !== newRS);
  return { newRS, allOldRSs, requiredOldRSs: allOldRSs.filter((rs) => specReplicasOf(rs) !== 0) };
}
