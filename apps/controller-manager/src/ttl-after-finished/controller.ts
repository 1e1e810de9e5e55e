import { WorkQueue, done, keyOf, requeueAfter, runController } from '@wheelhouse/controller-runtime';
import { isNotFound } from '@wheelhouse/client';
import type { ManagerContext, PreparedController } from '../runtime/context.js';
import { decideTtl } from './decide.js';

/**
 * Deletes finished Jobs once their ttlSecondsAfterFinished has passed, with their pods
 * (foreground: the garbage collector removes the pods, then the Job). The cached Job's
 * resourceVersion is the delete's precondition, so a TTL changed meanwhile is honoured.
 */
export function ttlAfterFinishedController(ctx: ManagerContext): PreparedController {
  const workers = 2;
  const name = 'ttl-after-finished-controller';
  const jobs = ctx.informers.informerFor('Job');
  const queue = new WorkQueue();
  const enqueue = (o: { metadata: { namespace?: string | null; name?: string | null }; spec?: { ttlSecondsAfterFinished?: number | null } | null }) => {
    if (o.spec?.ttlSecondsAfterFinished !== undefined && o.spec?.ttlSecondsAfterFinished !== null) queue.add(keyOf(o));
  };
  jobs.addEventHandler({ onAdd: enqueue, onUpdate: (_o, n) => enqueue(n) });

  const reconcile = async (key: string) => {
    const job = jobs.get(key);
    if (!job) return done();
    const decision = decideTtl(job as never, ctx.now());
    if (decision.type === 'requeueAfter') return requeueAfter(decision.ms);
    if (decision.type === 'delete') {
      try {
        await ctx.clientset.jobs.delete(
          { namespace: job.metadata.namespace, name: job.metadata.name ?? '' },
          { propagationPolicy: 'Foreground', resourceVersion: job.metadata.resourceVersion ?? undefined, select: 'metadata { name }' },
        );
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    return done();
  };
  return { name, run: () => runController({ name, queue, workers, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) }) };
}
