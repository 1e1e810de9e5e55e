// MarkPodsNotReady: nobody reports for the pods of an unreachable node, so the
// controller says what it knows: they are not Ready (Services stop sending traffic).
import { timestampOf } from '../common/time.js';
import type { Condition, Pod } from '@wheelhouse/model';

/** The pod's conditions with Ready turned False, or undefined when it is not Ready=True. */
export function notReadyConditions(pod: Pod, now: Date): Condition[] | undefined {
  const conditions = pod.status?.conditions ?? [];
  if (!conditions.some((c) => c.type === 'Ready' && c.status === 'True')) return undefined;
  return conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' as const, lastTransitionTime: timestampOf(now) } : c));
}
