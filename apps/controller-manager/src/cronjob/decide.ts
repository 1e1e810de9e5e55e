// syncCronJob (pkg/controller/cronjob/cronjob_controllerv2.go) as a pure function: from a
// CronJob, the Jobs it owns and the time, what to create, delete and record. Not wired to
// a controller yet: the CronJob kind is not served (see the branch report).
import type { CronSchedule } from '@wheelhouse/resources';
import { scheduleTimes, TOO_MANY_MISSED } from './schedule-times.js';

export interface OwnedJob {
  metadata: { name: string; uid: string; creationTimestamp?: string };
  status?: { completionTime?: string; conditions?: { type: string; status: string; lastTransitionTime?: string }[] };
}

export interface CronJobLike {
  metadata: { name: string; creationTimestamp: string; deletionTimestamp?: string };
  spec: {
    suspend?: boolean;
    concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
    startingDeadlineSeconds?: number;
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
  };
  status?: { active?: { name: string; uid: string }[]; lastScheduleTime?: string; lastSuccessfulTime?: string };
}

export type CronJobAction =
  | { type: 'createJob'; name: string; scheduledTime: Date }
  | { type: 'deleteJobs'; jobs: OwnedJob[]; reason: 'Replace' | 'History' }
  | { type: 'status'; active: { name: string; uid: string }[]; lastScheduleTime?: string; lastSuccessfulTime?: string }
  | { type: 'event'; eventType: 'Normal' | 'Warning'; reason: string; message: string }
  | { type: 'requeueAt'; at: Date };

const finishedAs = (job: OwnedJob): 'Complete' | 'Failed' | undefined =>
  (job.status?.conditions ?? []).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')?.type as 'Complete' | 'Failed' | undefined;

/** getJobName: `<cronjob>-<minutes since the epoch of the scheduled time>`, the same for every try at that time. */
export const jobNameFor = (cronJob: string, scheduled: Date) => `${cronJob}-${Math.floor(scheduled.getTime() / 60_000)}`;

export function decideCronJob(cj: CronJobLike, jobs: readonly OwnedJob[], schedule: CronSchedule, now: Date): CronJobAction[] {
  const actions: CronJobAction[] = [];
  const running = jobs.filter((j) => finishedAs(j) === undefined);
  let lastSuccessfulTime = cj.status?.lastSuccessfulTime;
  for (const j of jobs) {
    const done = j.status?.completionTime;
    if (finishedAs(j) === 'Complete' && done && (!lastSuccessfulTime || done > lastSuccessfulTime)) lastSuccessfulTime = done;
  }
  let active = running.map((j) => ({ name: j.metadata.name, uid: j.metadata.uid }));
  let lastScheduleTime = cj.status?.lastScheduleTime;
  actions.push(...historyCleanup(cj, jobs));

  if (!cj.metadata.deletionTimestamp && cj.spec.suspend !== true) {
    const earliest = new Date(lastScheduleTime ?? cj.metadata.creationTimestamp);
    const times = scheduleTimes(schedule, earliest, now, cj.spec.startingDeadlineSeconds);
    if (times.missed > TOO_MANY_MISSED) {
      actions.push({
        type: 'event',
        eventType: 'Warning',
        reason: 'TooManyMissedTimes',
        message: 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      });
    }
    const scheduled = times.mostRecent;
    const name = scheduled ? jobNameFor(cj.metadata.name, scheduled) : undefined;
    const alreadyMade = name !== undefined && jobs.some((j) => j.metadata.name === name);
    if (scheduled && !alreadyMade) {
      const policy = cj.spec.concurrencyPolicy ?? 'Allow';
      if (policy === 'Forbid' && running.length > 0) {
        // Kubernetes retries at the next sync; the time stays unscheduled until the active Job ends.
        actions.push({
          type: 'event',
          eventType: 'Normal',
          reason: 'JobAlreadyActive',
          message: 'Not starting job because prior execution is running and concurrency policy is Forbid',
        });
      } else {
        if (policy === 'Replace' && running.length > 0) {
          actions.push({ type: 'deleteJobs', jobs: running, reason: 'Replace' });
          active = [];
        }
        actions.push({ type: 'createJob', name: name!, scheduledTime: scheduled });
        lastScheduleTime = scheduled.toISOString();
      }
    }
    if (times.next) actions.push({ type: 'requeueAt', at: times.next });
  }
  const changed =
    JSON.stringify(active) !== JSON.stringify(cj.status?.active ?? []) || lastScheduleTime !== cj.status?.lastScheduleTime || lastSuccessfulTime !== cj.status?.lastSuccessfulTime;
  if (changed) actions.unshift({ type: 'status', active, lastScheduleTime, lastSuccessfulTime });
  return actions;
}

/** successfulJobsHistoryLimit (3) and failedJobsHistoryLimit (1): the oldest finished Jobs beyond them go. */
function historyCleanup(cj: CronJobLike, jobs: readonly OwnedJob[]): CronJobAction[] {
  const excess = (state: 'Complete' | 'Failed', limit: number) =>
    jobs
      .filter((j) => finishedAs(j) === state)
      .sort((a, b) => String(a.metadata.creationTimestamp ?? '').localeCompare(String(b.metadata.creationTimestamp ?? '')))
      .slice(0, Math.max(0, jobs.filter((j) => finishedAs(j) === state).length - limit));
  const old = [...excess('Complete', cj.spec.successfulJobsHistoryLimit ?? 3), ...excess('Failed', cj.spec.failedJobsHistoryLimit ?? 1)];
  return old.length > 0 ? [{ type: 'deleteJobs', jobs: old, reason: 'History' }] : [];
}
