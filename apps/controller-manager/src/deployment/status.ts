// calculateStatus: a Deployment's status summed from its ReplicaSets (sync.go).
import type { Deployment, DeploymentStatus, ReplicaSet } from '@wheelhouse/model';
import { AVAILABLE, newDeploymentCondition, setDeploymentCondition } from './conditions.js';
import { Reasons } from './annotations.js';
import { maxUnavailableOf } from './fenceposts.js';
import { actualReplicaCountOf, availableReplicaCountOf, readyReplicaCountOf, replicaCountOf } from './replica-sets.js';
import { canonicalJson } from './semantic-json.js';
import { replicasOf } from './spec.js';

/**
 * replicas/readyReplicas/availableReplicas come from the ReplicaSets' status, updated
 * from the new ReplicaSet's; unavailableReplicas is asked-for minus available (never
 * negative). Available is True while at least spec.replicas - maxUnavailable are.
 * Existing conditions are carried over.
 */
export function calculateStatus(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment, now: Date): DeploymentStatus {
  const availableReplicas = availableReplicaCountOf(allRSs);
  const unavailableReplicas = Math.max(0, replicaCountOf(allRSs) - availableReplicas);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 0,
    replicas: actualReplicaCountOf(allRSs),
    updatedReplicas: actualReplicaCountOf([newRS]),
    readyReplicas: readyReplicaCountOf(allRSs),
    availableReplicas,
    unavailableReplicas,
  };
  if (d.status?.collisionCount !== undefined && d.status.collisionCount !== null) status.collisionCount = d.status.collisionCount;
  const available = availableReplicas >= replicasOf(d) - maxUnavailableOf(d);
  const condition = available
    ? newDeploymentCondition(AVAILABLE, 'True', Reasons.minimumReplicasAvailable, 'Deployment has minimum availability.', now)
    : newDeploymentCondition(AVAILABLE, 'False', Reasons.minimumReplicasUnavailable, 'Deployment does not have minimum availability.', now);
  status.conditions = setDeploymentCondition(d.status?.conditions ?? [], condition);
  return status;
}

/** Semantic equality of two statuses: absent counts as 0 / empty as in Go's zero values; key order is ignored. */
export function deploymentStatusEqual(a: DeploymentStatus | undefined, b: DeploymentStatus | undefined): boolean {
  const norm = (s: DeploymentStatus | undefined) => ({
    observedGeneration: s?.observedGeneration ?? 0,
    replicas: s?.replicas ?? 0,
    updatedReplicas: s?.updatedReplicas ?? 0,
    readyReplicas: s?.readyReplicas ?? 0,
    availableReplicas: s?.availableReplicas ?? 0,
    unavailableReplicas: s?.unavailableReplicas ?? 0,
    collisionCount: s?.collisionCount ?? null,
    conditions: s?.conditions ?? [],
  });
  return canonicalJson(norm(a)) === canonicalJson(norm(b));
}
