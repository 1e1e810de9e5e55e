// Deployment conditions: Progressing, Available, ReplicaFailure (deployment_util.go).
import { timestampOf } from '../common/time.js';
import type { Condition, DeploymentStatus } from '@wheelhouse/model';
import type { ConditionStatus } from '../common/vocabulary.js';

export const PROGRESSING = 'Progressing';
export const AVAILABLE = 'Available';
export const REPLICA_FAILURE = 'ReplicaFailure';

/** A condition stamped `now` for both update and transition times. */
export function newDeploymentCondition(type: string, status: ConditionStatus, reason: string, message: string, now: Date): Condition {
  const at = timestampOf(now);
  return { type, status, lastUpdateTime: at, lastTransitionTime: at, reason, message };
}

export function getDeploymentCondition(status: DeploymentStatus | undefined, type: string): Condition | undefined {
  return status?.conditions?.find((condition) => condition.type === type);
}

/**
 * The conditions with `condition` set. Nothing changes when one with the same status and
 * reason exists; a same-status replacement keeps the old lastTransitionTime.
 */
export function setDeploymentCondition(conditions: readonly Condition[], condition: Condition): Condition[] {
  const current = conditions.find((c) => c.type === condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return [...conditions];
  const next = current && current.status === condition.status ? { ...condition, lastTransitionTime: current.lastTransitionTime } : condition;
  return [...conditions.filter((c) => c.type !== condition.type), next];
}

export function removeDeploymentCondition(conditions: readonly Condition[], type: string): Condition[] {
  return conditions.filter((c) => c.type !== type);
}

/** A ReplicaSet's condition promoted to the Deployment (ReplicaFailure). */
export function replicaSetToDeploymentCondition(condition: Condition): Condition {
  return {
    type: condition.type,
    status: condition.status,
    lastTransitionTime: condition.lastTransitionTime,
    lastUpdateTime: condition.lastTransitionTime,
    reason: condition.reason ?? '',
    message: condition.message ?? '',
  };
}
