import {
  ApiError,
  EVICTION_API_DISRUPTION,
  checkEviction,
  conflict,
  notFound,
  PodDisruptionBudgetKind,
  PodKind,
  withDisruptionTarget,
  type KubeObject,
} from '@wheelhouse/resources';
import { retryOnStale, type Store, type WriteOptions } from '@wheelhouse/db';

export interface EvictOptions {
  gracePeriodSeconds?: number;
}

type Conditions = { type: string; status: string }[];
const lostRace = (error: unknown) => error instanceof ApiError && error.code === 'CONFLICT';

/**
 * The Eviction subresource (pods/eviction): a graceful delete that respects the pod's
 * disruption budget. The budget is spent first, by a status write whose precondition is
 * the budget's resourceVersion: of two evictions racing for the last disruption one
 * writes and the other conflicts, re-reads the budget (now at 0) and is refused with
 * TOO_MANY_REQUESTS, as Kubernetes answers HTTP 429; callers retry later (wh drain does).
 * Then DisruptionTarget=True (finished or terminating pods skip it, as in Kubernetes) and the delete.
 *
 * Returns the pod as it is after the call: terminating until its node agent confirms,
 * or deleted at once (unbound or finished pods, grace 0).
 */
export async function evictPod(store: Store, namespace: string, name: string, options: EvictOptions, write: WriteOptions): Promise<KubeObject> {
  const unhealthy = await retryOnStale(() => spendBudget(store, namespace, name, write), lostRace);
  // DisruptionTarget=True first, as Kubernetes marks evicted pods; re-read when the agent reported meanwhile.
  // An unhealthy pod let go for free must still be the pod that was judged (Kubernetes' resourceVersion
  // precondition on update and delete): a conflict then fails the eviction, and the caller retries it.
  const precondition = await retryOnStale(
    async () => {
      const pod = await store.get(PodKind, namespace, name);
      if (!pod) throw notFound('Pod', name);
      if (unhealthy && pod.metadata.resourceVersion !== unhealthy) throw conflict('Pod', name);
      const conditions = withDisruptionTarget(((pod.status as { conditions?: Conditions } | undefined)?.conditions ?? []) as Conditions, EVICTION_API_DISRUPTION, new Date());
      if (!conditions || write.dryRun) return pod.metadata.resourceVersion;
      const patched = await store.patch(PodKind, namespace, name, { metadata: { resourceVersion: pod.metadata.resourceVersion }, status: { conditions } }, 'status', write);
      return patched.metadata.resourceVersion;
    },
    (error) => !unhealthy && lostRace(error),
  );
  return store.delete(PodKind, namespace, name, { gracePeriodSeconds: options.gracePeriodSeconds, ...(unhealthy ? { resourceVersion: precondition } : {}) }, write);
}

/** Checks the pod's budget and spends one disruption; returns the pod's resourceVersion when it goes unhealthy (spending nothing). */
async function spendBudget(store: Store, namespace: string, name: string, write: WriteOptions): Promise<string | undefined> {
  const pod = await store.get(PodKind, namespace, name);
  if (!pod) throw notFound('Pod', name);
  const pdbs = (await store.list(PodDisruptionBudgetKind, { namespace })).items;
  const check = checkEviction(pod as never, pdbs as never, new Date());
  if (check.action === 'delete') return check.reason === 'unhealthy' ? pod.metadata.resourceVersion : undefined;
  if (write.dryRun) return undefined;
  const budget = check.pdb.metadata!;
  await store.patch(PodDisruptionBudgetKind, namespace, budget.name!, { metadata: { resourceVersion: budget.resourceVersion }, status: check.status }, 'status', write);
  return undefined;
}
