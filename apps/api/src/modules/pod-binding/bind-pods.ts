// Many bindings in one commit with an answer per item: refused items are reported, the
// rest are written together through the store's single write path.
import { ApiError, PodKind, type KubeObject } from '@wheelhouse/resources';
import { retryOnStale, type PlannedWrite, type Store } from '@wheelhouse/db';
import { planBinding, type BindingRequest } from './plan-binding.js';

export type BindingOutcome = { readonly pod: KubeObject } | { readonly error: ApiError };

const keyOf = (r: { namespace?: string; name: string }) => `${r.namespace ?? 'default'}/${r.name}`;

/** One outcome per request, in order. A pod named twice in one batch is bound by its first request only. */
export function bindPods(store: Store, requests: readonly BindingRequest[], actor: string | null): Promise<BindingOutcome[]> {
  // A lost race (someone wrote one of the pods since the read) re-reads and re-decides the whole batch.
  return retryOnStale(async () => {
    const current = await store.getMany(PodKind, requests);
    const now = store.clock.now();
    const seen = new Set<string>();
    const decided = requests.map((request): PlannedWrite | ApiError => {
      const key = keyOf(request);
      const plan = planBinding(current.get(key), request, now);
      if (plan instanceof ApiError) return plan;
      if (seen.has(key))
        return new ApiError('CONFLICT', `Operation cannot be fulfilled on pods/binding "${request.name}": pod ${request.name} is already being assigned by this request`);
      seen.add(key);
      return { kind: PodKind, plan, previous: current.get(key) };
    });
    const writes = decided.filter((d): d is PlannedWrite => !(d instanceof ApiError));
    const written = writes.length > 0 ? await store.commit(writes, { actor }) : [];
    let next = 0;
    return decided.map((d) => (d instanceof ApiError ? { error: d } : { pod: written[next++]! }));
  });
}
