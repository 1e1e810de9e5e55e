/** kubectl's `get` columns of Jobs (pkg/printers/internalversion/printers.go printJob). */
import { age, humanDuration } from './age.js';
import type { Columns } from './columns-type.js';
import type { KubeObj } from './object.js';

const hasTrueCondition = (o: KubeObj, type: string) => ((o.status?.conditions ?? []) as { type?: string; status?: string }[]).some((c) => c.type === type && c.status === 'True');

/** STATUS: terminal conditions first, then Terminating, then the interim conditions, else Running. */
export function jobStatus(o: KubeObj): string {
  if (hasTrueCondition(o, 'Complete')) return 'Complete';
  if (hasTrueCondition(o, 'Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  if (hasTrueCondition(o, 'Suspended')) return 'Suspended';
  if (hasTrueCondition(o, 'FailureTarget')) return 'FailureTarget';
  if (hasTrueCondition(o, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

/** COMPLETIONS: `succeeded/completions`; a work queue (no completions) reads `0/1 of 3` with parallelism 3. */
export function jobCompletions(o: KubeObj): string {
  const succeeded = o.status?.succeeded ?? 0;
  if (typeof o.spec?.completions === 'number') return `${succeeded}/${o.spec.completions}`;
  const parallelism = o.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** DURATION: start to completion, or start to now while running; empty before the start. */
export function jobDuration(o: KubeObj, now: number): string {
  const start = o.status?.startTime ? Date.parse(o.status.startTime) : Number.NaN;
  if (Number.isNaN(start)) return '';
  const end = o.status?.completionTime ? Date.parse(o.status.completionTime) : now;
  return humanDuration(end - start);
}

const containers = (o: KubeObj) => (o.spec?.template?.spec?.containers ?? []) as { name?: string; image?: string }[];
const selectorText = (o: KubeObj) =>
  Object.entries((o.spec?.selector?.matchLabels ?? {}) as Record<string, string>)
    .map(([k, v]) => `${k}=${v}`)
    .join(',') || '<none>';

export const BATCH_TABLES: Record<string, Columns> = {
  Job: {
    headers: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
    row: (o, now) => [o.metadata.name ?? '', jobStatus(o), jobCompletions(o), jobDuration(o, now), age(o.metadata.creationTimestamp, now)],
  },
};

export const BATCH_WIDE: Record<string, Columns> = {
  Job: {
    headers: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o) => [
      containers(o)
        .map((c) => c.name ?? '')
        .join(','),
      containers(o)
        .map((c) => c.image ?? '')
        .join(','),
      selectorText(o),
    ],
  },
};
