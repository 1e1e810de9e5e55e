// MarkPodsNotReady: nobody reports for the pods of an unreachable node, so the
// controller says what it knows: they are not Ready (Services stop sending traffic).
import { timestampOf } from '../common/time.js';
import type { PodCondition } from '../common/types.js';
import type { LifecyclePod } from './types.js';

/** The pod's conditions with Ready turned False, or undefined when it is not Ready=True. */
export function notReadyConditions(pod: LifecyclePod, now: Date): PodCondition[] | undefined {
  const conditions = pod.status?.conditions ?? [];
  if (!conditions.some((c) => c.type === 'Ready' && c.status === 'True')) return undefined;
  return conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' as const, lastTransitionTime: timestampOf(now) } : c));
}
