// Pod state questions every workload controller asks (pkg/api/v1/pod/util.go and
// controller_utils.go's IsPodActive).
import { timeOf } from './time.js';
import type { Condition, Pod } from '@wheelhouse/model';

/** Not finished and not being deleted: the pods a controller counts as its replicas. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/** The pod's Ready condition, if it has one. */
export function podReadyCondition(pod: Pod): Condition | undefined {
  return pod.status?.conditions?.find((condition) => condition.type === 'Ready');
}

/** The Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/**
 * Ready for longer than minReadySeconds, judged from the Ready condition's
 * lastTransitionTime. Like Kubernetes the comparison is strict (ready + min < now),
 * and with minReadySeconds > 0 a Ready condition without a transition time never counts.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: Date): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const readySince = timeOf(podReadyCondition(pod)?.lastTransitionTime);
  return readySince !== undefined && readySince + minReadySeconds * 1000 < now.getTime();
}
