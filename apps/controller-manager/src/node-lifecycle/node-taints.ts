// The taints the node lifecycle controller keeps in step with a node's conditions
// (TaintNodesByCondition and the NoExecute tainting pass), leaving others' taints alone.
import { TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE } from '@wheelhouse/resources';
import { timestampOf } from '../common/time.js';
import type { NoExecutePolicy } from './disruption.js';
import type { Condition, Taint } from '@wheelhouse/model';
import type { TaintEffect } from '../common/vocabulary.js';

export { TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE };
export const TAINT_NODE_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_NODE_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_NODE_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NODE_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** Condition type and status → the NoSchedule taint it brings (nodeConditionToTaintKeyStatusMap). */
const NO_SCHEDULE_BY_CONDITION: { type: string; status: string; key: string }[] = [
  { type: 'Ready', status: 'False', key: TAINT_NODE_NOT_READY },
  { type: 'Ready', status: 'Unknown', key: TAINT_NODE_UNREACHABLE },
  { type: 'MemoryPressure', status: 'True', key: TAINT_NODE_MEMORY_PRESSURE },
  { type: 'DiskPressure', status: 'True', key: TAINT_NODE_DISK_PRESSURE },
  { type: 'PIDPressure', status: 'True', key: TAINT_NODE_PID_PRESSURE },
  { type: 'NetworkUnavailable', status: 'True', key: TAINT_NODE_NETWORK_UNAVAILABLE },
];

/** The taints this controller owns: it adds and removes exactly these. */
const MANAGED: { key: string; effect: TaintEffect }[] = [
  ...NO_SCHEDULE_BY_CONDITION.map((m) => ({ key: m.key, effect: 'NoSchedule' as const })),
  { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' },
  { key: TAINT_NODE_NOT_READY, effect: 'NoExecute' },
  { key: TAINT_NODE_UNREACHABLE, effect: 'NoExecute' },
];

const same = (a: Pick<Taint, 'key' | 'effect'>, b: Pick<Taint, 'key' | 'effect'>) => a.key === b.key && a.effect === b.effect;
const isManaged = (t: Taint) => MANAGED.some((m) => same(m, t));

/** The managed taints a node with these conditions (and cordon) should carry. */
export function conditionTaints(conditions: readonly Condition[], unschedulable: boolean): { key: string; effect: TaintEffect }[] {
  const wanted: { key: string; effect: TaintEffect }[] = [];
  for (const rule of NO_SCHEDULE_BY_CONDITION) {
    if (conditions.some((c) => c.type === rule.type && c.status === rule.status)) wanted.push({ key: rule.key, effect: 'NoSchedule' });
  }
  if (unschedulable) wanted.push({ key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' });
  // Ready=False: the kubelet says it is not ready; Unknown: nobody hears from it.
  const ready = conditions.find((c) => c.type === 'Ready')?.status;
  if (ready === 'False') wanted.push({ key: TAINT_NODE_NOT_READY, effect: 'NoExecute' });
  if (ready === 'Unknown') wanted.push({ key: TAINT_NODE_UNREACHABLE, effect: 'NoExecute' });
  return wanted;
}

/**
 * The node's taints after bringing the managed ones in line: stale managed taints go,
 * missing ones are appended, NoExecute ones stamped with timeAdded (also others' NoExecute
 * taints that lack it, since eviction times count from it), the managed NoExecute ones
 * only as the zone's disruption allows. undefined when nothing changes.
 */
export function reconcileTaints(
  current: readonly Taint[],
  conditions: readonly Condition[],
  unschedulable: boolean,
  now: Date,
  noExecute: NoExecutePolicy = 'taint',
): Taint[] | undefined {
  const stamp = timestampOf(now);
  const tainting = noExecute === 'taint' || noExecute === 'taintSlowly';
  const wanted = conditionTaints(conditions, unschedulable).filter((w) => w.effect !== 'NoExecute' || tainting);
  // Held: the NoExecute taints there stay as they are (a not-ready one is not swapped yet); lifted: they go.
  const kept = current
    .filter((t) => !isManaged(t) || wanted.some((w) => same(w, t)) || (noExecute === 'hold' && t.effect === 'NoExecute'))
    .map((t) => (t.effect === 'NoExecute' && !t.timeAdded ? { ...t, timeAdded: stamp } : t));
  const added = wanted.filter((w) => !kept.some((t) => same(w, t))).map((w): Taint => (w.effect === 'NoExecute' ? { ...w, timeAdded: stamp } : { ...w }));
  const next = [...kept, ...added];
  const unchanged = next.length === current.length && next.every((t, i) => t === current[i]);
  return unchanged ? undefined : next;
}
