// monitorNodeHealth's verdict on a node whose kubelet went quiet (pkg/controller/nodelifecycle).
import { timestampOf } from '../common/time.js';
import type { Condition, Node } from '@wheelhouse/model';
import type { ConditionStatus } from '../common/vocabulary.js';

export const NODE_STATUS_UNKNOWN = 'NodeStatusUnknown';
export const NODE_STATUS_NEVER_UPDATED = 'NodeStatusNeverUpdated';
export const STOPPED_POSTING_MESSAGE = 'Kubelet stopped posting node status.';
export const NEVER_POSTED_MESSAGE = 'Kubelet never posted node status.';

/** The conditions the kubelet posts; a silent node gets all of them as Unknown. */
export const KUBELET_CONDITION_TYPES = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;

/**
 * True once nothing was heard from the node (Lease renewed, status heartbeat) for the
 * grace period. `lastHeardMs` is when the controller itself saw the last renewal, so
 * clock skew between machines does not matter.
 */
export function heartbeatExpired(lastHeardMs: number, nowMs: number, gracePeriodMs: number): boolean {
  return nowMs - lastHeardMs >= gracePeriodMs;
}

/**
 * A silent node's conditions: every condition that is not Unknown yet becomes Unknown
 * ("Kubelet stopped posting node status."), keeping lastHeartbeatTime; the kubelet's
 * conditions it never posted are added as Unknown ("Kubelet never posted node status.").
 * undefined when they are all Unknown already.
 */
export function unknownConditions(node: Node, now: Date): Condition[] | undefined {
  const stamp = timestampOf(now);
  const current = node.status?.conditions ?? [];
  let changed = false;
  const next = current.map((c) => {
    if (c.status === 'Unknown') return c;
    changed = true;
    return { ...c, status: 'Unknown' as const, reason: NODE_STATUS_UNKNOWN, message: STOPPED_POSTING_MESSAGE, lastTransitionTime: stamp };
  });
  for (const type of KUBELET_CONDITION_TYPES) {
    if (current.some((c) => c.type === type)) continue;
    changed = true;
    next.push({
      type,
      status: 'Unknown',
      reason: NODE_STATUS_NEVER_UPDATED,
      message: NEVER_POSTED_MESSAGE,
      lastHeartbeatTime: node.metadata.creationTimestamp ?? stamp,
      lastTransitionTime: stamp,
    });
  }
  return changed ? next : undefined;
}

/** The Ready condition's status; the API admits only True, False and Unknown there, which the model types as a string. */
export const readyStatus = (conditions: readonly Condition[] | undefined) => conditions?.find((c) => c.type === 'Ready')?.status as ConditionStatus | undefined;
