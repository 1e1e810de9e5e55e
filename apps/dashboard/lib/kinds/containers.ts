import { age } from '../format/age.ts';
import type { ContainerStatus, Pod } from './objects.ts';

export interface ContainerRow {
  name: string;
  image: string;
  init: boolean;
  ready: boolean;
  restarts: number;
  /** Running (since 5m), Waiting: CrashLoopBackOff, Terminated: Completed (exit 0) */
  state: string;
  requests: string;
}

function stateOf(status: ContainerStatus | undefined, now: number): string {
  const s = status?.state;
  if (s?.running) return `Running (${age(s.running.startedAt, now)})`;
  if (s?.waiting) return `Waiting: ${s.waiting.reason ?? ''}`.trim();
  if (s?.terminated) return `Terminated: ${s.terminated.reason ?? 'Error'} (exit ${s.terminated.exitCode ?? '?'})`;
  return 'Not started';
}

/** One row per init and app container: spec joined with its status, as kubectl describe lists them. */
export function containerRows(pod: Pod, now: number): ContainerRow[] {
  const rows = (init: boolean) => {
    const specs = (init ? pod.spec?.initContainers : pod.spec?.containers) ?? [];
    const statuses = (init ? pod.status?.initContainerStatuses : pod.status?.containerStatuses) ?? [];
    return specs.map((c) => {
      const status = statuses.find((s) => s.name === c.name);
      const requests = Object.entries(c.resources?.requests ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      return { name: c.name ?? '', image: c.image ?? '', init, ready: status?.ready === true, restarts: status?.restartCount ?? 0, state: stateOf(status, now), requests };
    });
  };
  return [...rows(true), ...rows(false)];
}
