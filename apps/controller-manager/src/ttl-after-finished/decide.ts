// The TTL-after-finished controller's decision (pkg/controller/ttlafterfinished): a Job
// that finished (Complete or Failed) more than spec.ttlSecondsAfterFinished ago is deleted.

export type TtlDecision = { type: 'none' } | { type: 'delete' } | { type: 'requeueAfter'; ms: number };

interface FinishableJob {
  metadata: { deletionTimestamp?: string | null };
  spec?: { ttlSecondsAfterFinished?: number };
  status?: { conditions?: { type: string; status: string; lastTransitionTime?: string }[] };
}

/** When the Job finished: the lastTransitionTime of its true Complete or Failed condition. */
export function jobFinishTime(job: FinishableJob): number | undefined {
  const done = (job.status?.conditions ?? []).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  if (!done?.lastTransitionTime) return undefined;
  const t = Date.parse(done.lastTransitionTime);
  return Number.isNaN(t) ? undefined : t;
}

export function decideTtl(job: FinishableJob, now: Date): TtlDecision {
  const ttl = job.spec?.ttlSecondsAfterFinished;
  if (ttl === undefined || job.metadata.deletionTimestamp) return { type: 'none' };
  const finished = jobFinishTime(job);
  if (finished === undefined) return { type: 'none' };
  const left = finished + ttl * 1000 - now.getTime();
  return left <= 0 ? { type: 'delete' } : { type: 'requeueAfter', ms: left };
}
