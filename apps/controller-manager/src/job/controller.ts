import { Expectations, WorkQueue, controllerOf, done, keyOf, requeueAfter, runController } from '@wheelhouse/controller-runtime';
import { isNotFound } from '@wheelhouse/client';
import type { Pod as ModelPod } from '@wheelhouse/model';
import { JOB_TRACKING_FINALIZER } from '@wheelhouse/resources';
import type { ManagerContext, PreparedController } from '../runtime/context.js';
import { deletePods } from '../replicaset/delete-pods.js';
import { decideJob, type JobAction } from './decide.js';
import { finalizersOf } from './pod-outcome.js';
import type { Job, Pod } from './types.js';

const NAME_ONLY = { select: 'metadata { name }' };

/**
 * The Job controller: handlers enqueue Job keys; reconcile reads the caches, asks
 * decideJob, and carries out its actions in order. The status goes with the Job's
 * resourceVersion as precondition, so a sync on a stale Job fails (and retries) rather
 * than counting a pod twice.
 */
export function jobController(ctx: ManagerContext): PreparedController {
  const name = 'job-controller';
  const workers = ctx.settings.workers;
  const jobs = ctx.informers.informerFor('Job');
  const podInformer = ctx.informers.informerFor('Pod');
  const queue = new WorkQueue();
  const expectations = new Expectations();
  const events = ctx.events(name);

  const jobKeyOf = (pod: ModelPod) => {
    const ref = controllerOf(pod);
    return ref?.kind === 'Job' ? `${pod.metadata.namespace ?? 'default'}/${ref.name}` : undefined;
  };
  const enqueue = (pod: ModelPod) => {
    const key = jobKeyOf(pod);
    if (key) queue.add(key);
    return key;
  };
  jobs.addEventHandler({ onAdd: (o) => queue.add(keyOf(o)), onUpdate: (_o, n) => queue.add(keyOf(n)), onDelete: (o) => queue.add(keyOf(o)) });
  podInformer.addEventHandler({
    onAdd: (pod) => {
      const key = enqueue(pod);
      if (key) expectations.creationObserved(key);
    },
    onUpdate: (old, pod) => {
      const key = enqueue(pod);
      // A pod being deleted counts as deleted for expectations: with the finalizer it stays a while.
      if (key && !old.metadata.deletionTimestamp && pod.metadata.deletionTimestamp) expectations.deletionObserved(key, pod.metadata.uid ?? '');
    },
    onDelete: (pod) => {
      const key = enqueue(pod);
      if (key) expectations.deletionObserved(key, pod.metadata.uid ?? '');
    },
  });

  const podsOf = (namespace: string | undefined, uid: string) => podInformer.list(namespace).filter((p) => controllerOf(p)?.uid === uid) as unknown as Pod[];

  const removeFinalizer = async (pod: Pod) => {
    try {
      await ctx.clientset.pods.patch(
        { namespace: pod.metadata.namespace, name: pod.metadata.name ?? '' },
        { metadata: { resourceVersion: pod.metadata.resourceVersion, finalizers: finalizersOf(pod).filter((f) => f !== JOB_TRACKING_FINALIZER) } },
        NAME_ONLY,
      );
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  };

  const reconcile = async (key: string) => {
    const job = jobs.get(key) as unknown as Job | undefined;
    if (!job) {
      expectations.delete(key);
      // The Job is gone: its pods must not stay blocked by our finalizer.
      const [namespace, jobName] = key.split('/');
      const orphans = podInformer
        .list(namespace)
        .filter((p) => controllerOf(p)?.kind === 'Job' && controllerOf(p)?.name === jobName && finalizersOf(p as unknown as Pod).includes(JOB_TRACKING_FINALIZER));
      await Promise.all(orphans.map((p) => removeFinalizer(p as unknown as Pod)));
      return done();
    }
    const deleting = Boolean(job.metadata.deletionTimestamp);
    const actions = decideJob({
      job,
      pods: podsOf(job.metadata.namespace, job.metadata.uid ?? ''),
      expectationsSatisfied: expectations.satisfied(key) && !deleting,
      now: ctx.now(),
    });
    let after: number | undefined;
    for (const action of actions) {
      if (action.type === 'requeueAfter') after = action.ms;
      else await act(action, key, job);
    }
    return after !== undefined ? requeueAfter(after) : done();
  };

  const act = async (action: Exclude<JobAction, { type: 'requeueAfter' }>, key: string, job: Job) => {
    const ns = job.metadata.namespace;
    const involved = { apiVersion: 'batch/v1', kind: 'Job', namespace: ns, name: job.metadata.name ?? '', uid: job.metadata.uid ?? '' };
    switch (action.type) {
      case 'status':
        // The Job's views (./types.ts) are the model's Job narrowed; the status goes as the decision made it.
        await ctx.clientset.jobs.replaceStatus(
          { metadata: { name: job.metadata.name, namespace: ns, resourceVersion: job.metadata.resourceVersion }, status: action.status } as never,
          NAME_ONLY,
        );
        return;
      case 'removeFinalizers':
        await Promise.all(action.pods.map(removeFinalizer));
        return;
      case 'create': {
        expectations.expectCreations(key, action.pods.length);
        try {
          const createPods = await ctx.clientset.pods.createMany(action.pods as never, { namespace: ns ?? undefined, ...NAME_ONLY });
          for (const p of createPods) void events.record(involved, 'Normal', 'SuccessfulCreate', `Created pod: ${p.metadata.name}`);
        } catch (error) {
          // All or nothing: none of these creations will be observed.
          for (let i = 0; i < action.pods.length; i++) expectations.creationObserved(key);
          void events.record(involved, 'Warning', 'FailedCreate', `Error creating: ${(error as Error).message}`);
          throw error;
        }
        return;
      }
      case 'delete': {
        const result = await deletePods(
          expectations,
          key,
          action.pods,
          (pod) => ctx.clientset.pods.delete({ namespace: ns, name: pod.metadata.name ?? '' }, NAME_ONLY),
          isNotFound,
        );
        for (const p of result.deleted) void events.record(involved, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
        if (result.error !== undefined) throw result.error;
        return;
      }
      case 'event':
        void events.record(involved, action.eventType, action.reason, action.message);
        return;
    }
  };

  return { name, run: () => runController({ name, queue, workers, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) }) };
}
