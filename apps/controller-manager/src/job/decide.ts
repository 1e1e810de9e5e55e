// syncJob as a pure function: from a Job and its pods (the caches), the writes that move
// it on. Finished pods are counted through status.uncountedTerminatedPods and the
// job-tracking finalizer: a pod's uid is recorded as uncounted (status write, with the
// Job's resourceVersion as precondition) BEFORE its finalizer is removed, and counted only
// once the finalizer is seen gone, so a restart or a stale cache never counts a pod twice
// or loses one.
import { formatIndexes, parseIndexes } from '@wheelhouse/resources';
import { isPodReady } from '../common/pod-predicates.js';
import { remainingBackoffMs } from './backoff.js';
import { findCondition, isTrue, withCondition } from './conditions.js';
import { matchPodFailurePolicy } from './pod-failure-policy.js';
import { podForJob } from './pod-for-job.js';
import { completionIndex, finishedTime, hasTrackingFinalizer, isActive, isPodFailed, isTerminal, onlyReplaceFailed } from './pod-outcome.js';
import type { Job, JobCondition, JobStatus, Pod } from './types.js';

export type JobAction =
  | { type: 'status'; status: JobStatus }
  | { type: 'removeFinalizers'; pods: Pod[] }
  | { type: 'create'; pods: Pod[] }
  | { type: 'delete'; pods: Pod[] }
  | { type: 'event'; eventType: 'Normal' | 'Warning'; reason: string; message: string }
  | { type: 'requeueAfter'; ms: number };

export interface JobSyncInput {
  job: Job;
  /** The pods the Job controls (controller reference to its uid), deleting ones included. */
  pods: readonly Pod[];
  /** No creations or deletions of this Job still unseen in the pod cache. */
  expectationsSatisfied: boolean;
  now: Date;
}

/** spec.managedBy of the Jobs this controller reconciles (the default). */
export const JOB_CONTROLLER_NAME = 'kubernetes.io/job-controller';
const COMPLETIONS_REACHED = 'Reached expected number of succeeded pods';
const FAILURES = {
  BackoffLimitExceeded: 'Job has reached the specified backoff limit',
  DeadlineExceeded: 'Job was active longer than specified deadline',
} as const;

export function decideJob({ job, pods, expectationsSatisfied, now }: JobSyncInput): JobAction[] {
  const spec = job.spec ?? {};
  // managedBy: a Job reconciled by another controller is not ours to touch.
  if (spec.managedBy !== undefined && spec.managedBy !== JOB_CONTROLLER_NAME) return [];
  const status = job.status ?? {};
  const nowText = now.toISOString();
  const indexed = spec.completionMode === 'Indexed';
  const completions = spec.completions;
  let conditions: JobCondition[] = [...(status.conditions ?? [])];
  const finished = isTrue(conditions, 'Complete') || isTrue(conditions, 'Failed');
  const finishing = finished || isTrue(conditions, 'FailureTarget') || isTrue(conditions, 'SuccessCriteriaMet');
  const suspended = spec.suspend === true && !finishing;
  const actions: JobAction[] = [];

  // 1. Uncounted pods whose finalizer is gone (or that are gone) are counted now.
  const byUid = new Map(pods.map((p) => [p.metadata.uid ?? '', p]));
  const uncountedSucceeded = new Set(status.uncountedTerminatedPods?.succeeded ?? []);
  const uncountedFailed = new Set(status.uncountedTerminatedPods?.failed ?? []);
  let succeeded = status.succeeded ?? 0;
  let failed = status.failed ?? 0;
  const released = (uid: string) => {
    const pod = byUid.get(uid);
    return pod === undefined || !hasTrackingFinalizer(pod);
  };
  for (const uid of [...uncountedSucceeded].filter(released)) {
    uncountedSucceeded.delete(uid);
    succeeded++;
  }
  for (const uid of [...uncountedFailed].filter(released)) {
    uncountedFailed.delete(uid);
    failed++;
  }

  // 2. Finished pods still holding the finalizer: recorded as uncounted, then released.
  const completed = new Set(safeIndexes(status.completedIndexes, completions ?? 0));
  const release: Pod[] = [];
  let failJob: string | undefined;
  for (const pod of pods) {
    if (!hasTrackingFinalizer(pod)) continue;
    const uid = pod.metadata.uid ?? '';
    if (uncountedSucceeded.has(uid) || uncountedFailed.has(uid)) {
      release.push(pod);
      continue;
    }
    if (pod.status?.phase === 'Succeeded') {
      release.push(pod);
      if (indexed) {
        const index = completionIndex(pod);
        // A second success of the same index (or a bad index) is not a completion.
        if (index === undefined || index >= (completions ?? 0) || completed.has(index)) continue;
        completed.add(index);
      }
      uncountedSucceeded.add(uid);
    } else if (isPodFailed(pod, job) || (finishing && pod.metadata.deletionTimestamp && !isTerminal(pod))) {
      release.push(pod);
      // Pods stopped by a suspension do not use up the backoff limit.
      if (spec.suspend === true && pod.status?.phase !== 'Failed') continue;
      const outcome = pod.status?.phase === 'Failed' ? matchPodFailurePolicy(job, pod) : undefined;
      if (outcome?.action === 'Ignore') continue;
      if (outcome?.action === 'FailJob') failJob ??= outcome.message;
      uncountedFailed.add(uid);
    }
  }

  const active = pods.filter(isActive);
  const terminating = pods.filter((p) => p.metadata.deletionTimestamp && !isTerminal(p)).length;
  const succeededTotal = indexed ? completed.size : succeeded + uncountedSucceeded.size;
  const failedTotal = failed + uncountedFailed.size;
  const settled = uncountedSucceeded.size === 0 && uncountedFailed.size === 0 && release.length === 0 && active.length === 0;
  let startTime = status.startTime;
  let completionTime = status.completionTime;
  const deletions: Pod[] = [];
  let requeueMs: number | undefined;

  if (!finished) {
    // 3. Failure: an existing FailureTarget, a FailJob rule, the backoff limit, the deadline.
    const target = findCondition(conditions, 'FailureTarget');
    let failure = target?.status === 'True' ? { reason: target.reason ?? '', message: target.message ?? '' } : undefined;
    if (!failure && failJob) failure = { reason: 'PodFailurePolicy', message: failJob };
    if (!failure && failedTotal > (spec.backoffLimit ?? 6)) failure = { reason: 'BackoffLimitExceeded', message: FAILURES.BackoffLimitExceeded };
    const deadlineMs = deadlineLeft(spec.activeDeadlineSeconds, startTime, now, suspended);
    if (!failure && deadlineMs !== undefined && deadlineMs <= 0) failure = { reason: 'DeadlineExceeded', message: FAILURES.DeadlineExceeded };
    const success = !failure && (completions !== undefined ? succeededTotal >= completions : succeededTotal > 0 && active.length === 0) && !isTrue(conditions, 'FailureTarget');

    if (failure) {
      if (target?.status !== 'True') {
        conditions = withCondition(conditions, 'FailureTarget', 'True', failure.reason, failure.message, nowText);
        actions.push({ type: 'event', eventType: 'Warning', reason: failure.reason, message: failure.message });
      }
      deletions.push(...active);
      if (settled) conditions = withCondition(conditions, 'Failed', 'True', failure.reason, failure.message, nowText);
    } else if (success || isTrue(conditions, 'SuccessCriteriaMet')) {
      conditions = withCondition(conditions, 'SuccessCriteriaMet', 'True', 'CompletionsReached', COMPLETIONS_REACHED, nowText);
      deletions.push(...active);
      if (settled) {
        conditions = withCondition(conditions, 'Complete', 'True', 'CompletionsReached', COMPLETIONS_REACHED, nowText);
        completionTime = nowText;
        actions.push({ type: 'event', eventType: 'Normal', reason: 'Completed', message: 'Job completed' });
      }
    } else if (suspended) {
      deletions.push(...active);
      if (!isTrue(conditions, 'Suspended')) {
        conditions = withCondition(conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', nowText);
        actions.push({ type: 'event', eventType: 'Normal', reason: 'Suspended', message: 'Job suspended' });
      }
    } else {
      if (isTrue(conditions, 'Suspended')) {
        conditions = withCondition(conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', nowText);
        actions.push({ type: 'event', eventType: 'Normal', reason: 'Resumed', message: 'Job resumed' });
        // The deadline counts from the resume.
        startTime = nowText;
      }
      startTime ??= nowText;
      const left = deadlineLeft(spec.activeDeadlineSeconds, startTime, now, false);
      if (left !== undefined) requeueMs = left;
      if (expectationsSatisfied) {
        const plan = planPods(job, active, completed, succeededTotal, pods, now);
        if (plan.create.length > 0) actions.push({ type: 'create', pods: plan.create });
        deletions.push(...plan.delete);
        if (plan.backoffMs !== undefined) requeueMs = Math.min(requeueMs ?? plan.backoffMs, plan.backoffMs);
      }
    }
  }

  const next: JobStatus = {
    ...status,
    conditions,
    ...(startTime ? { startTime } : {}),
    ...(completionTime ? { completionTime } : {}),
    active: active.length - deletions.filter(isActive).length,
    ready: active.filter((p) => isPodReady(p)).length,
    terminating,
    succeeded,
    failed,
    uncountedTerminatedPods: { succeeded: [...uncountedSucceeded], failed: [...uncountedFailed] },
    ...(indexed ? { completedIndexes: formatIndexes([...completed]) } : {}),
  };
  if (next.active === undefined || next.active < 0) next.active = 0;
  const ordered: JobAction[] = [];
  // The status (with the newly uncounted pods) is written before any finalizer goes.
  if (JSON.stringify(next) !== JSON.stringify(status)) ordered.push({ type: 'status', status: next });
  if (release.length > 0) ordered.push({ type: 'removeFinalizers', pods: release });
  if (deletions.length > 0) ordered.push({ type: 'delete', pods: deletions });
  ordered.push(...actions);
  if (requeueMs !== undefined) ordered.push({ type: 'requeueAfter', ms: Math.max(requeueMs, 0) });
  return ordered;
}

/** Milliseconds until activeDeadlineSeconds runs out; undefined without a deadline, a start, or while suspended. */
function deadlineLeft(seconds: number | undefined, startTime: string | undefined, now: Date, suspended: boolean): number | undefined {
  if (seconds === undefined || !startTime || suspended) return undefined;
  return Date.parse(startTime) + seconds * 1000 - now.getTime();
}

function safeIndexes(text: string | undefined, completions: number): number[] {
  try {
    return parseIndexes(text ?? '', completions);
  } catch {
    return [];
  }
}

/** How many pods to start or stop: parallelism bounded by the completions still needed, after the failure back-off. */
function planPods(job: Job, active: Pod[], completed: Set<number>, succeededTotal: number, pods: readonly Pod[], now: Date) {
  const spec = job.spec ?? {};
  const parallelism = spec.parallelism ?? 1;
  const out = { create: [] as Pod[], delete: [] as Pod[], backoffMs: undefined as number | undefined };
  let want: number;
  let indexes: number[] = [];
  if (spec.completionMode === 'Indexed') {
    const running = new Set(active.map(completionIndex));
    const missing: number[] = [];
    for (let i = 0; i < (spec.completions ?? 0) && missing.length < parallelism; i++) if (!completed.has(i) && !running.has(i)) missing.push(i);
    want = Math.min(parallelism, active.length + missing.length);
    indexes = missing;
  } else if (spec.completions !== undefined) {
    want = Math.max(0, Math.min(parallelism, spec.completions - succeededTotal));
  } else {
    // A work queue: once any pod succeeded, no new ones start.
    want = succeededTotal > 0 ? Math.min(active.length, parallelism) : parallelism;
  }
  // podReplacementPolicy Failed: a terminating pod still holds its slot until it has failed.
  const terminating = onlyReplaceFailed(job) ? pods.filter((p) => p.metadata.deletionTimestamp && !isTerminal(p)).length : 0;
  const diff = want - active.length - (want > active.length ? terminating : 0);
  if (want - active.length < 0) {
    // Fewer wanted (parallelism lowered): stop the not-ready, newest first.
    const ranked = [...active].sort(
      (a, b) => Number(isPodReady(a)) - Number(isPodReady(b)) || String(b.metadata.creationTimestamp ?? '').localeCompare(String(a.metadata.creationTimestamp ?? '')),
    );
    out.delete = ranked.slice(0, active.length - want);
    return out;
  }
  if (diff <= 0) return out;
  // The back-off doubles with each failure since the last success (Kubernetes' backoff record).
  const times = (keep: (p: Pod) => boolean) =>
    pods
      .filter(keep)
      .map(finishedTime)
      .filter((t): t is number => t !== undefined);
  const lastSuccess = Math.max(-Infinity, ...times((p) => p.status?.phase === 'Succeeded'));
  const failures = times((p) => p.status?.phase === 'Failed' || Boolean(p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded')).filter((t) => t > lastSuccess);
  const wait = remainingBackoffMs(failures.length, failures.length > 0 ? Math.max(...failures) : undefined, now.getTime());
  if (wait > 0) {
    out.backoffMs = wait;
    return out;
  }
  out.create = spec.completionMode === 'Indexed' ? indexes.slice(0, diff).map((i) => podForJob(job, i)) : Array.from({ length: diff }, () => podForJob(job));
  return out;
}
