// When creating the new ReplicaSet fails (other than AlreadyExists): the status to report.
import type { Deployment, DeploymentStatus } from '@wheelhouse/model';
import { Reasons } from './annotations.js';
import { PROGRESSING, newDeploymentCondition, setDeploymentCondition } from './conditions.js';
import { hasProgressDeadline } from './spec.js';

/**
 * Progressing=False/ReplicaSetCreateError with the error, for Deployments with a progress
 * deadline; undefined otherwise (then only a Warning event is recorded, same reason).
 */
export function replicaSetCreateFailedStatus(d: Deployment, replicaSetName: string, error: string, now: Date): DeploymentStatus | undefined {
  if (!hasProgressDeadline(d)) return undefined;
  const message = `Failed to create new replica set "${replicaSetName}": ${error}`;
  const condition = newDeploymentCondition(PROGRESSING, 'False', Reasons.failedRSCreate, message, now);
  return { ...d.status, conditions: setDeploymentCondition(d.status?.conditions ?? [], condition) };
}

/** The status after a name collision: collisionCount + 1, so the next hash differs. */
export function collisionStatus(d: Deployment): DeploymentStatus {
  return { ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 };
}
