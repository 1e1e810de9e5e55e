// The DisruptionTarget pod condition Kubernetes sets before a controller deletes a pod,
// so its owner (and `describe`) can tell a disruption from a failure of its own.
import { timestampOf } from '../common/time.js';
import type { PodCondition } from '../common/types.js';
import type { LifecyclePod } from './types.js';

export const TAINT_MANAGER_DISRUPTION = { reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' } as const;
export const POD_GC_DISRUPTION = { reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' } as const;

/** The pod's conditions with DisruptionTarget=True for this cause, or undefined when it already says so. */
export function withDisruptionTarget(pod: LifecyclePod, cause: { reason: string; message: string }, now: Date): PodCondition[] | undefined {
  const conditions = pod.status?.conditions ?? [];
  const current = conditions.find((c) => c.type === 'DisruptionTarget');
  if (current?.status === 'True' && current.reason === cause.reason && current.message === cause.message) return undefined;
  const condition: PodCondition = { type: 'DisruptionTarget', status: 'True', reason: cause.reason, message: cause.message, lastTransitionTime: timestampOf(now) };
  return current ? conditions.map((c) => (c === current ? condition : c)) : [...conditions, condition];
}
