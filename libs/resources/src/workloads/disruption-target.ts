// The DisruptionTarget pod condition Kubernetes sets before the system deletes a pod
// (eviction, taint manager, pod GC), so its owner and `describe` can tell a disruption
// from a failure of the pod's own.
import { toTimestamp } from '../kinds/pod-termination.js';

export interface DisruptionCause {
  reason: string;
  message: string;
}

export const EVICTION_API_DISRUPTION: DisruptionCause = { reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' };
export const TAINT_MANAGER_DISRUPTION: DisruptionCause = { reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' };
export const POD_GC_DISRUPTION: DisruptionCause = { reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' };

/** A pod condition as the API (or the generated model, where every field is optional) has it. */
interface Condition {
  type?: string | null;
  status?: string | null;
  reason?: string | null;
  message?: string | null;
  lastTransitionTime?: string | null;
}

/** The conditions with DisruptionTarget=True for this cause, or undefined when they say so already. */
export function withDisruptionTarget<C extends Condition>(conditions: readonly C[], cause: DisruptionCause, now: Date): (C | Condition)[] | undefined {
  const current = conditions.find((c) => c.type === 'DisruptionTarget');
  if (current?.status === 'True' && current.reason === cause.reason && current.message === cause.message) return undefined;
  const condition: Condition = { type: 'DisruptionTarget', status: 'True', reason: cause.reason, message: cause.message, lastTransitionTime: toTimestamp(now) };
  return current ? conditions.map((c) => (c === current ? condition : c)) : [...conditions, condition];
}
