/** kubectl's Job cells (pkg/printers/internalversion/printers.go printJob). */
import type { Job } from '@wheelhouse/model';
import { humanDuration } from './duration.js';

const hasTrueCondition = (o: Job, type: string) => (o.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

/** STATUS: terminal conditions first, then Terminating, then the interim conditions, else Running. */
export function jobStatus(o: Job): string {
  if (hasTrueCondition(o, 'Complete')) return 'Complete';
  if (hasTrueCondition(o, 'Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  if (hasTrueCondition(o, 'Suspended')) return 'Suspended';
  if (hasTrueCondition(o, 'FailureTarget')) return 'FailureTarget';
  if (hasTrueCondition(o, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

/** COMPLETIONS: `succeeded/completions`; a work queue (no completions) reads `0/1 of 3` with parallelism 3. */
export function jobCompletions(o: Job): string {
  const succeeded = o.status?.succeeded ?? 0;
  if (typeof o.spec?.completions === 'number') return `${succeeded}/${o.spec.completions}`;
  const parallelism = o.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** DURATION: start to completion, or start to now while running; empty before the start. */
export function jobDuration(o: Job, now: number): string {
  const start = o.status?.startTime ? Date.parse(o.status.startTime) : Number.NaN;
  if (Number.isNaN(start)) return '';
  const end = o.status?.completionTime ? Date.parse(o.status.completionTime) : now;
  return humanDuration(end - start);
}
