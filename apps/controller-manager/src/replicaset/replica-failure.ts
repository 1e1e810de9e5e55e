// The ReplicaFailure condition: set when creating or deleting pods failed, cleared
// once a sync succeeds (replica_set_utils.go).
import { timestampOf } from '../common/time.js';
import type { Condition } from '@wheelhouse/model';

export const REPLICA_FAILURE = 'ReplicaFailure';

/**
 * The conditions after a sync whose create/delete error is `error`. An existing failure
 * condition is kept as it is (first error wins); with no error it is removed. The reason
 * follows the direction the controller had to go: FailedCreate when short of pods,
 * FailedDelete when over.
 */
export function replicaFailureConditions(conditions: readonly Condition[], error: string | undefined, podsMinusDesired: number, now: Date): Condition[] {
  const existing = conditions.find((c) => c.type === REPLICA_FAILURE);
  if (error !== undefined && !existing) {
    const reason = podsMinusDesired < 0 ? 'FailedCreate' : podsMinusDesired > 0 ? 'FailedDelete' : '';
    const condition: Condition = {
      type: REPLICA_FAILURE,
      status: 'True',
      lastTransitionTime: timestampOf(now),
      reason,
      message: error,
    };
    return [...conditions, condition];
  }
  if (error === undefined && existing) return conditions.filter((c) => c.type !== REPLICA_FAILURE);
  return [...conditions];
}
