// calculateStatus and updateReplicaSetStatus's "anything to write?" check.
import { matches, selectorFromSet } from '@wheelhouse/selectors';
import { isPodAvailable, isPodReady } from '../common/pod-predicates.js';
import type { Pod, ReplicaSetStatus } from '@wheelhouse/model';
import { desiredReplicasOf, minReadySecondsOf, type ReplicaSetLike } from './kind.js';
import { replicaFailureConditions } from './replica-failure.js';

/**
 * The status for the active pods the controller owns. fullyLabeledReplicas counts pods
 * carrying every template label; availableReplicas those ready for > minReadySeconds.
 * `manageError` is the error of the last create/delete attempt, if it failed.
 */
export function calculateReplicaSetStatus(rs: ReplicaSetLike, activePods: readonly Pod[], manageError: string | undefined, now: Date): ReplicaSetStatus {
  const templateLabels = selectorFromSetSafe(rs.spec?.template?.metadata?.labels);
  const minReadySeconds = minReadySecondsOf(rs);
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of activePods) {
    if (templateLabels && matches(templateLabels, pod.metadata.labels ?? {})) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, now)) available++;
    }
  }
  const podsMinusDesired = activePods.length - desiredReplicasOf(rs);
  return {
    ...rs.status,
    replicas: activePods.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: rs.metadata.generation ?? 0,
    conditions: replicaFailureConditions(rs.status?.conditions ?? [], manageError, podsMinusDesired, now),
  };
}

/** False in the steady state: same counts and conditions, and the generation already observed. */
export function replicaSetStatusNeedsUpdate(rs: ReplicaSetLike, next: ReplicaSetStatus): boolean {
  const current = rs.status ?? {};
  return (
    (current.replicas ?? 0) !== next.replicas ||
    (current.fullyLabeledReplicas ?? 0) !== next.fullyLabeledReplicas ||
    (current.readyReplicas ?? 0) !== next.readyReplicas ||
    (current.availableReplicas ?? 0) !== next.availableReplicas ||
    (rs.metadata.generation ?? 0) !== (current.observedGeneration ?? 0) ||
    JSON.stringify(current.conditions ?? []) !== JSON.stringify(next.conditions ?? [])
  );
}

// Template labels are pre-validated by the API; a malformed one simply labels nothing.
function selectorFromSetSafe(labels: Record<string, string> | null | undefined) {
  try {
    return selectorFromSet(labels);
  } catch {
    return undefined;
  }
}
