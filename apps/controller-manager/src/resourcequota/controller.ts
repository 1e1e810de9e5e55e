// The resource quota controller: keeps each ResourceQuota's status (hard, used) true to
// what exists. Admission charges creates as they commit; this recounts after deletes,
// finished pods, spec changes, and every RESYNC_MS for kinds it does not watch. It reads
// the quota and then the objects straight from the API and writes status with the
// quota's resourceVersion as precondition: a create admitted in between changed that
// resourceVersion, so a count that missed it can never be written (no over-admission).
import { WorkQueue, done, keyOf, requeueAfter, runController } from '@wheelhouse/controller-runtime';
import { hasCode } from '@wheelhouse/client';
import type { KindName, Pod } from '@wheelhouse/model';
import { countedResources, KINDS, recountQuota, type KubeObject } from '@wheelhouse/resources';
import type { ManagerContext, PreparedController } from '../runtime/context.js';

const RESYNC_MS = 10_000;
/** What the recount reads of each kind: pods their resources and phase, Services their type and ports, the rest only exist. */
const FIELDS: Record<string, string> = {
  Pod: `metadata { name } spec { activeDeadlineSeconds containers { name resources { requests limits } } initContainers { name resources { requests limits } } } status { phase }`,
  Service: `metadata { name } spec { type ports { port } }`,
};

/** A merge patch that makes `current` equal `next`: keys no longer there are nulled. */
function replacing(current: Record<string, string> | undefined, next: Record<string, string>): Record<string, string | null> {
  return { ...Object.fromEntries(Object.keys(current ?? {}).map((k) => [k, null])), ...next };
}

export function resourceQuotaController(ctx: ManagerContext): PreparedController {
  const name = 'resourcequota-controller';
  const queue = new WorkQueue();
  const quotas = ctx.informers.informerFor('ResourceQuota');
  const clientset = ctx.clientset;
  quotas.addEventHandler({ onAdd: (q) => queue.add(keyOf(q)), onUpdate: (_o, q) => queue.add(keyOf(q)) });
  // A pod that goes away or finishes frees what it held (replenishment).
  const replenish = (pod: Pod) => {
    for (const q of quotas.list()) if (q.metadata.namespace === pod.metadata.namespace) queue.add(keyOf(q));
  };
  ctx.informers.informerFor('Pod').addEventHandler({
    onDelete: replenish,
    onUpdate: (old, pod) => {
      if (old.status?.phase !== pod.status?.phase) replenish(pod);
    },
  });

  const reconcile = async (key: string) => {
    const [namespace, quotaName] = key.split('/') as [string, string];
    // Read from the API, not the cache: the count must start from the quota's latest resourceVersion.
    const quota = await clientset.resourceQuotas.get({ namespace, name: quotaName }, { select: 'metadata { name resourceVersion } spec { hard scopes } status { hard used }' });
    if (!quota) return done();
    const spec = (quota.spec ?? {}) as { hard?: Record<string, string>; scopes?: string[] };
    const kinds = countedResources(spec.hard ?? {}).flatMap(({ resource, group }) => {
      const kind = KINDS.find((k) => k.resource === resource && k.group === group && k.namespaced);
      return kind ? [{ resource, group, kind }] : [];
    });
    // Straight from the API, like the quota: the informers may lag a create admission just charged.
    const lists = await Promise.all(kinds.map((k) => clientset.kind(k.kind.kind as KindName).listAll({ namespace, select: FIELDS[k.kind.kind] ?? 'metadata { name }' })));
    const status = recountQuota(
      spec,
      kinds.map((k, i) => ({ resource: k.resource, group: k.group, objects: lists[i]!.items as KubeObject[] })),
    );
    const current = (quota.status ?? {}) as { hard?: Record<string, string>; used?: Record<string, string> };
    if (JSON.stringify(current.hard ?? {}) !== JSON.stringify(status.hard) || JSON.stringify(current.used ?? {}) !== JSON.stringify(status.used)) {
      try {
        await clientset.resourceQuotas.patchStatus(
          { namespace, name: quotaName },
          {
            metadata: { resourceVersion: quota.metadata.resourceVersion },
            status: { hard: replacing(current.hard, status.hard), used: replacing(current.used, status.used) },
          },
          { select: 'metadata { name }' },
        );
      } catch (error) {
        // Someone (admission) charged the quota meanwhile: count again from the new state.
        if (hasCode(error, 'CONFLICT')) return requeueAfter(0);
        throw error;
      }
    }
    return requeueAfter(RESYNC_MS);
  };

  return { name, run: () => runController({ name, queue, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) }) };
}
