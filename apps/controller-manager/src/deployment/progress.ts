// The Progressing condition: complete, progressing, timed out, paused (progress.go,
// sync.go checkPausedConditions, deployment_util.go).
import { timeOf } from '../common/time.js';
import type { Condition, Deployment, DeploymentStatus, ReplicaSet } from '@wheelhouse/model';
import { Reasons } from './annotations.js';
import {
  PROGRESSING,
  REPLICA_FAILURE,
  getDeploymentCondition,
  newDeploymentCondition,
  removeDeploymentCondition,
  replicaSetToDeploymentCondition,
  setDeploymentCondition,
} from './conditions.js';
import { hasProgressDeadline, progressDeadlineSecondsOf, replicasOf } from './spec.js';
import { calculateStatus } from './status.js';

/** All desired replicas are updated and available, no old pods remain, and this generation is observed. */
export function deploymentComplete(d: Deployment, newStatus: DeploymentStatus): boolean {
  const replicas = replicasOf(d);
  return (
    (newStatus.updatedReplicas ?? 0) === replicas &&
    (newStatus.replicas ?? 0) === replicas &&
    (newStatus.availableReplicas ?? 0) === replicas &&
    (newStatus.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** Compared with the current status: more updated, ready or available pods, or fewer old ones. */
export function deploymentProgressing(d: Deployment, newStatus: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOldReplicas = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOldReplicas = (newStatus.replicas ?? 0) - (newStatus.updatedReplicas ?? 0);
  return (
    (newStatus.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOldReplicas < oldOldReplicas ||
    (newStatus.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (newStatus.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/**
 * The last recorded progress (Progressing.lastUpdateTime) is more than
 * progressDeadlineSeconds before `now`, or the timeout is already recorded. A finished
 * rollout (NewReplicaSetAvailable) never times out.
 */
export function deploymentTimedOut(d: Deployment, newStatus: DeploymentStatus, now: Date): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = getDeploymentCondition(newStatus, PROGRESSING);
  if (!condition) return false;
  if (condition.reason === Reasons.newReplicaSetAvailable) return false;
  if (condition.reason === Reasons.progressDeadlineExceeded) return true;
  const from = timeOf(condition.lastUpdateTime) ?? ZERO_TIME;
  return from + progressDeadlineSecondsOf(d)! * 1000 < now.getTime();
}

// Go's zero time (0001-01-01T00:00:00Z), for a condition that never recorded an update time.
const ZERO_TIME = -62135596800000;

/**
 * syncRolloutStatus's new status: calculateStatus, then the Progressing condition —
 * complete, progressing (keeps lastTransitionTime while True) or timed out — unless the
 * rollout already completed earlier; then the ReplicaFailure condition mirrored from the
 * ReplicaSets (the new one's first). Without a deadline there is no Progressing condition.
 */
export function rolloutStatus(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment, now: Date): DeploymentStatus {
  const newStatus = calculateStatus(allRSs, newRS, d, now);
  let conditions = newStatus.conditions ?? [];
  if (!hasProgressDeadline(d)) conditions = removeDeploymentCondition(conditions, PROGRESSING);
  newStatus.conditions = conditions;

  const currentCond = getDeploymentCondition(d.status, PROGRESSING);
  const isCompleteDeployment = newStatus.replicas === newStatus.updatedReplicas && currentCond?.reason === Reasons.newReplicaSetAvailable;
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, newStatus)) {
      const condition = newDeploymentCondition(PROGRESSING, 'True', Reasons.newReplicaSetAvailable, `${subject} has successfully progressed.`, now);
      conditions = setDeploymentCondition(conditions, condition);
    } else if (deploymentProgressing(d, newStatus)) {
      let condition = newDeploymentCondition(PROGRESSING, 'True', Reasons.replicaSetUpdated, `${subject} is progressing.`, now);
      // Progressing is refreshed even with an unchanged reason: lastUpdateTime marks the progress.
      if (currentCond) {
        if (currentCond.status === 'True') condition = { ...condition, lastTransitionTime: currentCond.lastTransitionTime };
        conditions = removeDeploymentCondition(conditions, PROGRESSING);
      }
      conditions = setDeploymentCondition(conditions, condition);
    } else if (deploymentTimedOut(d, { ...newStatus, conditions }, now)) {
      const condition = newDeploymentCondition(PROGRESSING, 'False', Reasons.progressDeadlineExceeded, `${subject} has timed out progressing.`, now);
      conditions = setDeploymentCondition(conditions, condition);
    }
  }

  const failure = replicaFailures(allRSs, newRS)[0];
  conditions = failure ? setDeploymentCondition(conditions, failure) : removeDeploymentCondition(conditions, REPLICA_FAILURE);
  return { ...newStatus, conditions };
}

/** The ReplicaSets' ReplicaFailure conditions as Deployment conditions, the new ReplicaSet's taking precedence. */
export function replicaFailures(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): Condition[] {
  const failuresOf = (rs: ReplicaSet) => (rs.status?.conditions ?? []).filter((c) => c.type === REPLICA_FAILURE).map(replicaSetToDeploymentCondition);
  const fromNew = newRS ? failuresOf(newRS) : [];
  if (fromNew.length > 0) return fromNew;
  return allRSs.flatMap((rs) => (rs ? failuresOf(rs) : []));
}

/**
 * requeueStuckDeployment: when to look again for a timeout, in milliseconds — the time
 * left until the deadline, or 0 ("now", rate-limited) when under a second is left;
 * undefined when there is no deadline, no Progressing condition, or the rollout is
 * complete or already timed out. Kubernetes adds one second to a positive delay when
 * queueing, against clock skew.
 */
export function progressCheckDelay(d: Deployment, newStatus: DeploymentStatus, now: Date): number | undefined {
  const currentCond = getDeploymentCondition(d.status, PROGRESSING);
  if (!hasProgressDeadline(d) || !currentCond) return undefined;
  if (deploymentComplete(d, newStatus) || currentCond.reason === Reasons.progressDeadlineExceeded) return undefined;
  const lastUpdate = timeOf(currentCond.lastUpdateTime) ?? ZERO_TIME;
  const after = lastUpdate + progressDeadlineSecondsOf(d)! * 1000 - now.getTime();
  return after < 1000 ? 0 : after;
}

/**
 * checkPausedConditions: the status with Progressing set to Unknown/DeploymentPaused when
 * a deadline-bound Deployment is paused, or Unknown/DeploymentResumed when it is resumed,
 * so time spent paused never counts against the deadline. Undefined when nothing changes
 * (including when a timeout is already reported).
 */
export function pausedConditionStatus(d: Deployment, now: Date): DeploymentStatus | undefined {
  if (!hasProgressDeadline(d)) return undefined;
  const cond = getDeploymentCondition(d.status, PROGRESSING);
  if (cond?.reason === Reasons.progressDeadlineExceeded) return undefined;
  const pausedCondExists = cond?.reason === Reasons.deploymentPaused;
  const paused = Boolean(d.spec?.paused);
  let condition: Condition;
  if (paused && !pausedCondExists) {
    condition = newDeploymentCondition(PROGRESSING, 'Unknown', Reasons.deploymentPaused, 'Deployment is paused', now);
  } else if (!paused && pausedCondExists) {
    condition = newDeploymentCondition(PROGRESSING, 'Unknown', Reasons.deploymentResumed, 'Deployment is resumed', now);
  } else {
    return undefined;
  }
  return { ...d.status, conditions: setDeploymentCondition(d.status?.conditions ?? [], condition) };
}
