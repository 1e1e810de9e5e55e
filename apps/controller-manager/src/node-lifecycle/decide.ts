// The node lifecycle controller's decision for one node: pure, from the cached node,
// its pods and when the controller last heard from it. The controller carries it out.
import type { Condition, Node, Pod, Taint } from '@wheelhouse/model';
import type { ConditionStatus } from '../common/vocabulary.js';
import { heartbeatExpired, readyStatus, unknownConditions } from './node-health.js';
import { reconcileTaints, TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE } from './node-taints.js';
import { noExecutePolicy, zoneOf, type NodeReadiness } from './disruption.js';
import { evictionDeadline } from './taint-eviction.js';
import { expiredTerminatingPods } from './pod-gc.js';
import { notReadyConditions } from './mark-pods-not-ready.js';

export interface NodeLifecycleState {
  node: Node;
  /** The pods bound to the node. */
  pods: readonly Pod[];
  /** When the controller last saw the node's Lease renewed or its status heartbeat (ms). */
  lastHeardMs: number;
  /** The Ready status the controller saw last time (for the NodeNotReady event), if any. */
  lastSeenReady?: ConditionStatus;
  now: Date;
  /** node-monitor-grace-period. */
  gracePeriodMs: number;
  /**
   * The zone and Ready status of every other node, for zone disruption (disruption.ts);
   * asked only when this node is not Ready. Absent: NoExecute taints always follow.
   */
  readinessOfOthers?: () => NodeReadiness[];
  /** The zone's eviction rate limiter has no token for this node yet: add no NoExecute taint now. */
  holdNoExecute?: boolean;
}

export type NodeLifecycleAction =
  | { type: 'setConditions'; conditions: Condition[] }
  | { type: 'setTaints'; taints: Taint[] }
  | { type: 'nodeNotReadyEvent' }
  | { type: 'markPodNotReady'; pod: Pod; conditions: Condition[] }
  | { type: 'evictPod'; pod: Pod }
  | { type: 'forceDeletePod'; pod: Pod };

export interface NodeLifecycleDecision {
  actions: NodeLifecycleAction[];
  /** The node's Ready status once the actions are done (the next lastSeenReady). */
  ready?: ConditionStatus;
  /** When to look again: the grace period running out, a toleration or a grace period ending. */
  requeueAfterMs?: number;
  /**
   * Set when the taints written add a NoExecute taint of this controller's: the node's
   * zone and rate (Kubernetes taints at --node-eviction-rate, or the secondary rate in a
   * partially disrupted large zone), for the caller's rate limiter.
   */
  tainting?: { zone: string; rate: 'normal' | 'secondary' };
}

export function decideNodeLifecycle(state: NodeLifecycleState): NodeLifecycleDecision {
  const { node, now } = state;
  const nowMs = now.getTime();
  const actions: NodeLifecycleAction[] = [];
  const wakeups: number[] = [];

  // 1. Health: a node not heard from for the grace period becomes Unknown.
  let conditions = node.status?.conditions ?? [];
  if (heartbeatExpired(state.lastHeardMs, nowMs, state.gracePeriodMs)) {
    const unknown = unknownConditions(node, now);
    if (unknown) {
      actions.push({ type: 'setConditions', conditions: unknown });
      conditions = unknown;
    }
  } else {
    wakeups.push(state.lastHeardMs + state.gracePeriodMs);
  }
  const ready = readyStatus(conditions);
  if (state.lastSeenReady === 'True' && ready !== undefined && ready !== 'True') actions.push({ type: 'nodeNotReadyEvent' });

  // 2. Taints follow the conditions (and the cordon).
  const taints = node.spec?.taints ?? [];
  const zone = zoneOf(node.metadata.labels);
  const zonePolicy = state.readinessOfOthers && ready !== 'True' ? noExecutePolicy([...state.readinessOfOthers(), { zone, ready }], zone) : 'taint';
  const policy = state.holdNoExecute && zonePolicy !== 'lift' ? 'hold' : zonePolicy;
  const nextTaints = reconcileTaints(taints, conditions, node.spec?.unschedulable === true, now, policy);
  if (nextTaints) actions.push({ type: 'setTaints', taints: nextTaints });
  const addsNoExecute = (nextTaints ?? []).some(
    (t) => t.effect === 'NoExecute' && CONDITION_NO_EXECUTE_KEYS.includes(t.key ?? '') && !taints.some((c) => c.key === t.key && c.effect === t.effect),
  );
  const tainting = addsNoExecute ? { zone, rate: policy === 'taintSlowly' ? ('secondary' as const) : ('normal' as const) } : undefined;

  // 3. NoExecute taints that are on the node and stay there: evict pods that do not
  // tolerate them (long enough). A taint being removed this pass evicts nobody.
  const evicting = nextTaints ? taints.filter((t) => nextTaints.includes(t)) : taints;
  const staying: Pod[] = [];
  for (const pod of state.pods.filter((p) => !p.metadata.deletionTimestamp)) {
    const deadline = evictionDeadline(pod, evicting);
    if (deadline !== null && deadline <= nowMs) {
      actions.push({ type: 'evictPod', pod });
      continue;
    }
    if (deadline !== null) wakeups.push(deadline);
    staying.push(pod);
  }

  if (ready === 'Unknown') {
    // 4. Nobody reports for the pods of an unreachable node: they are not Ready.
    for (const pod of staying) {
      const podConditions = isFinished(pod) ? undefined : notReadyConditions(pod, now);
      if (podConditions) actions.push({ type: 'markPodNotReady', pod, conditions: podConditions });
    }
    // 5. ...nor confirms their deletion: force-delete them once their grace is over.
    const gc = expiredTerminatingPods(state.pods, nowMs);
    for (const pod of gc.expired) actions.push({ type: 'forceDeletePod', pod });
    if (gc.nextMs !== null) wakeups.push(gc.nextMs);
  }

  const next = wakeups.length ? Math.min(...wakeups) : undefined;
  // A little after the moment itself, so the timestamp comparisons above have passed by then.
  return { actions, ready, requeueAfterMs: next === undefined ? undefined : Math.max(0, next - nowMs) + 100, ...(tainting ? { tainting } : {}) };
}

const CONDITION_NO_EXECUTE_KEYS = [TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE];
const isFinished = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
