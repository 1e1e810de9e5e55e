// spec.activeDeadlineSeconds: the kubelet fails a pod that has been active on the node
// longer than that, counted from status.startTime (pkg/kubelet/active_deadline.go).
import type { Pod } from '@wheelhouse/model';

export const DEADLINE_EXCEEDED = { reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' };

/** When the pod's deadline passes (ms since epoch), or undefined when it has none. */
export function activeDeadlineAt(pod: Pod, firstSeen: number): number | undefined {
  const seconds = pod.spec?.activeDeadlineSeconds;
  if (seconds === undefined || seconds === null) return undefined;
  const start = pod.status?.startTime ? Date.parse(pod.status.startTime) : firstSeen;
  return start + seconds * 1000;
}
