import { notFound, PodKind, type KubeObject } from '@wheelhouse/resources';
import type { Store, WriteOptions } from '@wheelhouse/db';

export interface EvictOptions {
  gracePeriodSeconds?: number;
}

/**
 * The Eviction subresource (pods/eviction): a graceful delete that respects the pod's
 * disruption budget. Wheelhouse has no PodDisruptionBudgets yet, so every eviction of a
 * pod that exists is allowed; when they arrive, the budget check goes between the read
 * and the delete (finished or terminating pods skip it, as in Kubernetes), and a refusal
 * is an error the caller retries, as kubectl drain does on HTTP 429.
 *
 * Returns the pod as it is after the call: terminating until its node agent confirms,
 * or deleted at once (unbound or finished pods, grace 0).
 */
export async function evictPod(store: Store, namespace: string, name: string, options: EvictOptions, write: WriteOptions): Promise<KubeObject> {
  const pod = await store.get(PodKind, namespace, name);
  if (!pod) throw notFound('Pod', name);
  return store.delete(PodKind, namespace, name, { gracePeriodSeconds: options.gracePeriodSeconds }, write);
}
