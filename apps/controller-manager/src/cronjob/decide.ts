// syncCronJob (pkg/controller/cronjob/cronjob_controllerv2.go) as a pure function: from a
// CronJob, the Jobs it owns and the time, what to create, delete and record.
import type { CronSchedule } from '@wheelhouse/resources';
import { scheduleTimes, TOO_MANY_MISSED } from './schedule-times.js';

export interface OwnedJob {
  metadata: { name: string; uid: string; creationTimestamp?: string };
  status?: { startTime?: string; completionTime?: string; conditions?: { type: string; status: string; lastTransitionTime?: string }[] };
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
  /** Last: the controller adds the Job it has just created to `active` (upstream appends it once created). */
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
  // A Job the status still lists as active that has finished since: said once, as upstream.
  for (const ref of cj.status?.active ?? []) {
    const job = jobs.find((j) => j.metadata.uid === ref.uid);
    const state = job && finishedAs(job);
    if (state) actions.push({ type: 'event', eventType: 'Normal', reason: 'SawCompletedJob', message: `Saw completed job: ${ref.name}, condition: ${state}` });
  }
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
    if (!scheduled && cj.spec.startingDeadlineSeconds !== undefined) {
      // A start time was due but the deadline has passed: it is skipped, with upstream's warning.
      const missed = lastMissed(schedule, earliest, new Date(now.getTime() - cj.spec.startingDeadlineSeconds * 1000));
      if (missed) {
        actions.push({
          type: 'event',
          eventType: 'Warning',
          reason: 'MissSchedule',
          message: `Missed scheduled time to start a job: ${formatRfc1123z(missed)}`,
        });
      }
    }
    const name = scheduled ? jobNameFor(cj.metadata.name, scheduled) : undefined;
    const alreadyMade = name !== undefined && jobs.some((j) => j.metadata.name === name);
    // The Job of this time exists (a status write lost after its creation, a restart): the time counts as scheduled.
    if (scheduled && alreadyMade && (!lastScheduleTime || Date.parse(lastScheduleTime) < scheduled.getTime())) lastScheduleTime = scheduled.toISOString();
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
  const listed = (cj.status?.active ?? []).map((r) => ({ name: r.name, uid: r.uid }));
  const created = actions.some((a) => a.type === 'createJob');
  const changed =
    created || JSON.stringify(active) !== JSON.stringify(listed) || lastScheduleTime !== cj.status?.lastScheduleTime || lastSuccessfulTime !== cj.status?.lastSuccessfulTime;
  if (changed) actions.push({ type: 'status', active, lastScheduleTime, lastSuccessfulTime });
  return actions;
}

/** The latest start time in (earliest, deadline], looking back a day at most (the first one when older): only for the warning's text. */
function lastMissed(schedule: CronSchedule, earliest: Date, deadline: Date): Date | undefined {
  const first = schedule.next(earliest);
  if (!first || first > deadline) return undefined;
  const dayBefore = new Date(Math.max(earliest.getTime(), deadline.getTime() - 86_400_000));
  return scheduleTimes(schedule, dayBefore, deadline).mostRecent ?? first;
}

/** Go's time.RFC1123Z in UTC: `Mon, 02 Jan 2006 15:04:05 +0000`. */
export function formatRfc1123z(t: Date): string {
  return t.toUTCString().replace('GMT', '+0000');
}

/** byJobStartTime: started Jobs oldest first, then those never started; ties by name. */
function byStartTime(a: OwnedJob, b: OwnedJob): number {
  const at = a.status?.startTime ? Date.parse(a.status.startTime) : Number.POSITIVE_INFINITY;
  const bt = b.status?.startTime ? Date.parse(b.status.startTime) : Number.POSITIVE_INFINITY;
  return at === bt ? a.metadata.name.localeCompare(b.metadata.name) : at < bt ? -1 : 1;
}

/** successfulJobsHistoryLimit (3) and failedJobsHistoryLimit (1): the oldest finished Jobs beyond them go. */
function historyCleanup(cj: CronJobLike, jobs: readonly OwnedJob[]): CronJobAction[] {
  const excess = (state: 'Complete' | 'Failed', limit: number) =>
    jobs
      .filter((j) => finishedAs(j) === state)
      .sort(byStartTime)
      .slice(0, Math.max(0, jobs.filter((j) => finishedAs(j) === state).length - limit));
  const old = [...excess('Complete', cj.spec.successfulJobsHistoryLimit ?? 3), ...excess('Failed', cj.spec.failedJobsHistoryLimit ?? 1)];
  return old.length > 0 ? [{ type: 'deleteJobs', jobs: old, reason: 'History' }] : [];
}
