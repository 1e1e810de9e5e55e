import { ApiError, EVICTION_API_DISRUPTION, notFound, PodKind, withDisruptionTarget, type KubeObject } from '@wheelhouse/resources';
import { retryOnStale, type Store, type WriteOptions } from '@wheelhouse/db';

export interface EvictOptions {
  gracePeriodSeconds?: number;
}

type Conditions = { type: string; status: string }[];

/**
 * The Eviction subresource (pods/eviction): a graceful delete that respects the pod's
 * disruption budget. Wheelhouse has no PodDisruptionBudgets yet, so every eviction of a
 * pod that exists is allowed; when they arrive, the budget check goes before the
 * DisruptionTarget condition (finished or terminating pods skip it, as in Kubernetes), and
 * a refusal is an error the caller retries, as kubectl drain does on HTTP 429.
 *
 * Returns the pod as it is after the call: terminating until its node agent confirms,
 * or deleted at once (unbound or finished pods, grace 0).
 */
export async function evictPod(store: Store, namespace: string, name: string, options: EvictOptions, write: WriteOptions): Promise<KubeObject> {
  // DisruptionTarget=True first, as Kubernetes marks evicted pods; re-read when the agent reported meanwhile.
  await retryOnStale(
    async () => {
      const pod = await store.get(PodKind, namespace, name);
      if (!pod) throw notFound('Pod', name);
      const conditions = withDisruptionTarget(((pod.status as { conditions?: Conditions } | undefined)?.conditions ?? []) as Conditions, EVICTION_API_DISRUPTION, new Date());
      if (!conditions || write.dryRun) return;
      await store.patch(PodKind, namespace, name, { metadata: { resourceVersion: pod.metadata.resourceVersion }, status: { conditions } }, 'status', write);
    },
    (error) => error instanceof ApiError && error.code === 'CONFLICT',
  );
  return store.delete(PodKind, namespace, name, { gracePeriodSeconds: options.gracePeriodSeconds }, write);
}
