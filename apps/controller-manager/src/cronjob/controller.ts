import { WorkQueue, controllerOf, done, keyOf, runController, type TimerHandle } from '@wheelhouse/controller-runtime';
import { isAlreadyExists, isNotFound } from '@wheelhouse/client';
import { isKnownTimeZone, parseCronSchedule, scheduledJobFromCronJob, type CronSchedule } from '@wheelhouse/resources';
import type { ManagerContext, PreparedController } from '../runtime/context.js';
import { decideCronJob, type CronJobAction, type CronJobLike, type OwnedJob } from './decide.js';

const NAME_ONLY = { select: 'metadata { name uid }' };
/** Upstream wakes 100 ms after the schedule time, so the time is surely due. */
const WAKE_AFTER_MS = 100;
/** setTimeout holds at most ~24.8 days; a far schedule is looked at again daily. */
const MAX_WAIT_MS = 86_400_000;

type CronJob = CronJobLike & {
  metadata: CronJobLike['metadata'] & { namespace?: string | null; uid?: string | null; resourceVersion?: string | null };
  spec: CronJobLike['spec'] & { schedule?: string; timeZone?: string };
};

/**
 * The CronJob controller (cronjob_controllerv2): CronJob and Job events queue the
 * CronJob's key; reconcile reads both caches, asks decideCronJob, carries out its actions,
 * and sets a timer on the manager's clock for the next schedule time.
 */
export function cronJobController(ctx: ManagerContext): PreparedController {
  const name = 'cronjob-controller';
  const cronJobs = ctx.informers.informerFor('CronJob');
  const jobs = ctx.informers.informerFor('Job');
  const queue = new WorkQueue();
  const events = ctx.events(name);
  const wakeups = new Map<string, TimerHandle>();

  const ownerKey = (job: { metadata: { namespace?: string | null; ownerReferences?: unknown } }) => {
    const ref = controllerOf(job as never);
    return ref?.kind === 'CronJob' ? `${job.metadata.namespace ?? 'default'}/${ref.name}` : undefined;
  };
  const enqueueOwner = (job: Parameters<typeof ownerKey>[0]) => {
    const key = ownerKey(job);
    if (key) queue.add(key);
  };
  cronJobs.addEventHandler({ onAdd: (o) => queue.add(keyOf(o)), onUpdate: (_o, n) => queue.add(keyOf(n)), onDelete: (o) => queue.add(keyOf(o)) });
  jobs.addEventHandler({ onAdd: enqueueOwner, onUpdate: (_o, n) => enqueueOwner(n), onDelete: enqueueOwner });

  const wakeAt = (key: string, at: Date | undefined) => {
    const previous = wakeups.get(key);
    if (previous !== undefined) ctx.clock.clearTimeout(previous);
    wakeups.delete(key);
    if (!at) return;
    const ms = Math.min(MAX_WAIT_MS, Math.max(0, at.getTime() - ctx.clock.now()) + WAKE_AFTER_MS);
    wakeups.set(
      key,
      ctx.clock.setTimeout(() => {
        wakeups.delete(key);
        queue.add(key);
      }, ms),
    );
  };

  const reconcile = async (key: string) => {
    const cj = cronJobs.get(key) as unknown as CronJob | undefined;
    if (!cj) {
      wakeAt(key, undefined);
      return done();
    }
    const involved = { apiVersion: 'batch/v1', kind: 'CronJob', namespace: cj.metadata.namespace ?? undefined, name: cj.metadata.name, uid: cj.metadata.uid ?? '' };
    const schedule = scheduleOf(cj);
    if ('error' in schedule) {
      // Validation keeps these out; a stored object from before a rule changed is reported, not retried.
      void events.record(involved, 'Warning', schedule.reason, schedule.error);
      wakeAt(key, undefined);
      return done();
    }
    const owned = jobs.list(cj.metadata.namespace ?? undefined).filter((j) => controllerOf(j)?.uid === cj.metadata.uid) as unknown as OwnedJob[];
    const actions = decideCronJob(cj, owned, schedule.schedule, ctx.now());
    const created: { name: string; uid: string }[] = [];
    let next: Date | undefined;
    for (const action of actions) {
      if (action.type === 'requeueAt') next = action.at;
      else await act(action, cj, involved, created);
    }
    wakeAt(key, next);
    return done();
  };

  const deleteJob = async (ns: string | undefined, jobName: string) => {
    try {
      await ctx.clientset.jobs.delete({ namespace: ns, name: jobName }, { propagationPolicy: 'Background', ...NAME_ONLY });
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  };

  const act = async (
    action: Exclude<CronJobAction, { type: 'requeueAt' }>,
    cj: CronJob,
    involved: Parameters<typeof events.record>[0],
    created: { name: string; uid: string }[],
  ) => {
    const ns = cj.metadata.namespace ?? undefined;
    switch (action.type) {
      case 'createJob': {
        const job = scheduledJobFromCronJob(cj as never, action.name, action.scheduledTime);
        try {
          const made = await ctx.clientset.jobs.create(job as never, { namespace: ns, ...NAME_ONLY });
          created.push({ name: made.metadata.name ?? action.name, uid: made.metadata.uid ?? '' });
          void events.record(involved, 'Normal', 'SuccessfulCreate', `Created job ${action.name}`);
        } catch (error) {
          // The Job of this time exists already (a sync on a cache that had not seen it): it counts as made.
          if (isAlreadyExists(error)) return;
          void events.record(involved, 'Warning', 'FailedCreate', `Error creating job: ${(error as Error).message}`);
          throw error;
        }
        return;
      }
      case 'deleteJobs':
        for (const job of action.jobs) {
          if (await deleteJob(ns, job.metadata.name)) void events.record(involved, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
        }
        return;
      case 'status': {
        const active = [...action.active, ...created].map((r) => ({ apiVersion: 'batch/v1', kind: 'Job', namespace: ns, name: r.name, uid: r.uid }));
        await ctx.clientset.cronJobs.replaceStatus(
          {
            metadata: { name: cj.metadata.name, namespace: ns, resourceVersion: cj.metadata.resourceVersion },
            status: { active, lastScheduleTime: action.lastScheduleTime, lastSuccessfulTime: action.lastSuccessfulTime },
          } as never,
          NAME_ONLY,
        );
        return;
      }
      case 'event':
        void events.record(involved, action.eventType, action.reason, action.message);
        return;
    }
  };

  return {
    name,
    run: () => {
      const handle = runController({ name, queue, workers: ctx.settings.workers, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) });
      return {
        ...handle,
        stop: async () => {
          for (const timer of wakeups.values()) ctx.clock.clearTimeout(timer);
          wakeups.clear();
          await handle.stop();
        },
      };
    },
  };
}

/** The CronJob's schedule in its time zone (UTC when unset), or upstream's warning when it cannot be read. */
function scheduleOf(cj: CronJob): { schedule: CronSchedule } | { reason: string; error: string } {
  const zone = cj.spec.timeZone ?? 'UTC';
  if (!isKnownTimeZone(zone)) return { reason: 'UnknownTimeZone', error: `invalid timeZone: "${zone}": unknown time zone ${zone}` };
  try {
    return { schedule: parseCronSchedule(cj.spec.schedule ?? '', zone) };
  } catch (error) {
    return { reason: 'UnparseableSchedule', error: `unparseable schedule: "${cj.spec.schedule}" : ${(error as Error).message}` };
  }
}
