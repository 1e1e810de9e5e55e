import type { KubeEvent, Pod, Workload } from '../kinds/objects.ts';
import { workloadHealth } from '../kinds/workload.ts';
import { compareEvents } from '@wheelhouse/printers';

export const PHASES = ['Running', 'Pending', 'Succeeded', 'Failed', 'Unknown'] as const;

/** Pods per phase, every phase present (0 when none). */
export function countByPhase(pods: readonly Pod[]): { phase: string; count: number }[] {
  const counts = new Map<string, number>(PHASES.map((p) => [p, 0]));
  for (const pod of pods) {
    const phase = pod.status?.phase && counts.has(pod.status.phase) ? pod.status.phase : 'Unknown';
    counts.set(phase, counts.get(phase)! + 1);
  }
  return [...counts].map(([phase, count]) => ({ phase, count }));
}

export interface HealthCounts {
  healthy: number;
  progressing: number;
  degraded: number;
}

export function healthCounts(workloads: readonly Workload[]): HealthCounts {
  const counts: HealthCounts = { healthy: 0, progressing: 0, degraded: 0 };
  for (const w of workloads) counts[workloadHealth(w)]++;
  return counts;
}

/** The newest events first, at most `limit`. */
export function latestEvents(events: readonly KubeEvent[], limit: number): KubeEvent[] {
  return [...events].sort((a, b) => compareEvents(b, a)).slice(0, limit);
}

/** Percentage of used over total, 0 when the total is unknown. */
export function percent(used: number, total: number): number {
  return total > 0 && Number.isFinite(total) ? Math.min(100, (used / total) * 100) : 0;
}
