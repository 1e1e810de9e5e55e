// The four node conditions the kubelet reports, with Kubernetes' reasons and messages.
import type { Condition } from '@wheelhouse/model';

export interface NodeHealth {
  memoryPressure: boolean;
  diskPressure: boolean;
  pidPressure: boolean;
  /** Why the node is not ready, when it is not. */
  notReady?: string;
}

type Spec = [type: string, pressure: boolean, ok: [string, string], bad: [string, string]];

/**
 * Conditions in kubelet order. lastHeartbeatTime is `now` on every report;
 * lastTransitionTime only moves when a condition's status changes.
 */
export function nodeConditions(health: NodeHealth, previous: readonly Condition[] | undefined, now: string): Condition[] {
  const specs: Spec[] = [
    [
      'MemoryPressure',
      health.memoryPressure,
      ['KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      ['KubeletHasInsufficientMemory', 'kubelet has insufficient memory available'],
    ],
    ['DiskPressure', health.diskPressure, ['KubeletHasNoDiskPressure', 'kubelet has no disk pressure'], ['KubeletHasDiskPressure', 'kubelet has disk pressure']],
    [
      'PIDPressure',
      health.pidPressure,
      ['KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      ['KubeletHasInsufficientPID', 'kubelet has insufficient PID available'],
    ],
  ];
  const conditions: Condition[] = specs.map(([type, pressure, ok, bad]) => condition(type, pressure ? 'True' : 'False', ...(pressure ? bad : ok), previous, now));
  conditions.push(
    health.notReady
      ? condition('Ready', 'False', 'KubeletNotReady', health.notReady, previous, now)
      : condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', previous, now),
  );
  return conditions;
}

function condition(type: string, status: Condition['status'], reason: string, message: string, previous: readonly Condition[] | undefined, now: string): Condition {
  const before = previous?.find((c) => c.type === type);
  const lastTransitionTime = before && before.status === status && before.lastTransitionTime ? before.lastTransitionTime : now;
  return { type, status, reason, message, lastHeartbeatTime: now, lastTransitionTime };
}

/** True when a report would change more than the heartbeat times. */
export function conditionsChanged(next: readonly Condition[], previous: readonly Condition[] | undefined): boolean {
  if (!previous || previous.length !== next.length) return true;
  return next.some((c) => {
    const p = previous.find((x) => x.type === c.type);
    return !p || p.status !== c.status || p.reason !== c.reason || p.message !== c.message;
  });
}
