// The resource quota controller: keeps each ResourceQuota's status (hard, used) true to
// what exists. Admission charges creates as they commit; this recounts after deletes,
// finished pods, spec changes, and every RESYNC_MS for kinds it does not watch. It reads
// the quota and then the objects straight from the API and writes status with the
// quota's resourceVersion as precondition: a create admitted in between changed that
// resourceVersion, so a count that missed it can never be written (no over-admission).
import { WorkQueue, done, keyOf, requeueAfter, runController, type ControllerHandle } from '@wheelhouse/controller-runtime';
import { hasCode } from '@wheelhouse/client';
import { countedResources, KINDS, recountQuota, type KubeObject } from '@wheelhouse/resources';
import type { ManagedObject, ManagerContext } from '../runtime/context.js';

const RESYNC_MS = 10_000;
const POD_FIELDS = `metadata { name } spec { activeDeadlineSeconds containers { name resources { requests limits } } initContainers { name resources { requests limits } } } status { phase }`;

/** A merge patch that makes `current` equal `next`: keys no longer there are nulled. */
function replacing(current: Record<string, string> | undefined, next: Record<string, string>): Record<string, string | null> {
  return { ...Object.fromEntries(Object.keys(current ?? {}).map((k) => [k, null])), ...next };
}

export function startResourceQuotaController(ctx: ManagerContext): ControllerHandle {
  const name = 'resourcequota-controller';
  const queue = new WorkQueue();
  const quotas = ctx.informers.resourceQuotas;
  quotas.addEventHandler({ onAdd: (q) => queue.add(keyOf(q)), onUpdate: (_o, q) => queue.add(keyOf(q)) });
  // A pod that goes away or finishes frees what it held (replenishment).
  const replenish = (pod: ManagedObject) => {
    for (const q of quotas.list()) if (q.metadata.namespace === pod.metadata.namespace) queue.add(keyOf(q));
  };
  ctx.informers.pods.addEventHandler({
    onDelete: replenish,
    onUpdate: (old, pod) => {
      if (old.status?.phase !== pod.status?.phase) replenish(pod);
    },
  });

  const reconcile = async (key: string) => {
    const [namespace, quotaName] = key.split('/') as [string, string];
    const { resourceQuota: quota } = await ctx.client.request<{ resourceQuota: KubeObject | null }>(
      `query($ns: String, $name: String!) { resourceQuota(namespace: $ns, name: $name) { metadata { name resourceVersion } spec { hard scopes } status { hard used } } }`,
      { ns: namespace, name: quotaName },
    );
    if (!quota) return done();
    const spec = (quota.spec ?? {}) as { hard?: Record<string, string>; scopes?: string[] };
    const kinds = countedResources(spec.hard ?? {}).flatMap(({ resource, group }) => {
      const kind = KINDS.find((k) => k.resource === resource && k.group === group && k.namespaced);
      return kind ? [{ resource, group, kind }] : [];
    });
    const lists = kinds.length
      ? await ctx.client.request<Record<string, { items: KubeObject[] }>>(
          `query($ns: String) { ${kinds.map((k, i) => `k${i}: ${k.kind.plural}(namespace: $ns) { items { ${k.kind.kind === 'Pod' ? POD_FIELDS : 'metadata { name }'} } }`).join(' ')} }`,
          { ns: namespace },
        )
      : {};
    const status = recountQuota(
      spec,
      kinds.map((k, i) => ({ resource: k.resource, group: k.group, objects: lists[`k${i}`]!.items })),
    );
    const current = (quota.status ?? {}) as { hard?: Record<string, string>; used?: Record<string, string> };
    if (JSON.stringify(current.hard ?? {}) !== JSON.stringify(status.hard) || JSON.stringify(current.used ?? {}) !== JSON.stringify(status.used)) {
      try {
        await ctx.client.request(
          `mutation($ns: String, $name: String!, $patch: JSONObject!) { patchResourceQuotaStatus(namespace: $ns, name: $name, patch: $patch) { metadata { name } } }`,
          {
            ns: namespace,
            name: quotaName,
            patch: {
              metadata: { resourceVersion: quota.metadata.resourceVersion },
              status: { hard: replacing(current.hard, status.hard), used: replacing(current.used, status.used) },
            },
          },
        );
      } catch (error) {
        // Someone (admission) charged the quota meanwhile: count again from the new state.
        if (hasCode(error, 'CONFLICT')) return requeueAfter(0);
        throw error;
      }
    }
    return requeueAfter(RESYNC_MS);
  };

  return runController({ name, queue, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) });
}
