import { WorkQueue, done, keyOf, requeueAfter, runController, type ControllerHandle } from '@wheelhouse/controller-runtime';
import { isNotFound } from '@wheelhouse/client';
import type { ManagerContext } from '../runtime/context.js';
import { decideTtl } from './decide.js';

const DELETE_JOB = `mutation($ns: String, $name: String!, $rv: String) {
  deleteJob(namespace: $ns, name: $name, propagationPolicy: Foreground, resourceVersion: $rv) { metadata { name } } }`;

/**
 * Deletes finished Jobs once their ttlSecondsAfterFinished has passed, with their pods
 * (foreground: the garbage collector removes the pods, then the Job). The cached Job's
 * resourceVersion is the delete's precondition, so a TTL changed meanwhile is honoured.
 */
export function startTtlAfterFinishedController(ctx: ManagerContext, workers = 2): ControllerHandle {
  const name = 'ttl-after-finished-controller';
  const jobs = ctx.informers.jobs;
  const queue = new WorkQueue();
  const enqueue = (o: { metadata: { namespace?: string; name: string }; spec?: Record<string, unknown> }) => {
    if (o.spec?.ttlSecondsAfterFinished !== undefined) queue.add(keyOf(o));
  };
  jobs.addEventHandler({ onAdd: enqueue, onUpdate: (_o, n) => enqueue(n) });

  const reconcile = async (key: string) => {
    const job = jobs.get(key);
    if (!job) return done();
    const decision = decideTtl(job as never, ctx.now());
    if (decision.type === 'requeueAfter') return requeueAfter(decision.ms);
    if (decision.type === 'delete') {
      try {
        await ctx.client.request(DELETE_JOB, { ns: job.metadata.namespace, name: job.metadata.name, rv: job.metadata.resourceVersion });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    return done();
  };
  return runController({ name, queue, workers, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) });
}
