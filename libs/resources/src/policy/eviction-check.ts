// The budget part of the Eviction subresource (Kubernetes pkg/registry/core/pod/storage/eviction.go:
// canIgnorePDB, getPodDisruptionBudgets, the unhealthy-pod policy and checkAndDecrement), pure.
import { labelSelectorToSelector, matches, type Selector } from '@wheelhouse/selectors';
import { ApiError } from '../api-error.js';
import { withDisruptionAllowedCondition } from './pdb-condition.js';
import type { PodDisruptionBudgetLike, PodDisruptionBudgetStatusLike } from './pdb-types.js';

/** Kubernetes' answer (HTTP 429) when a budget has no disruption left. */
export const EVICTION_REFUSED_MESSAGE = "Cannot evict pod as it would violate the pod's disruption budget.";
/** More unconfirmed evictions than this is a controller that is not keeping up: refuse (MaxDisruptedPodSize). */
export const MAX_DISRUPTED_POD_SIZE = 2000;

export interface EvictedPodLike {
  metadata: { name?: string | null; labels?: Record<string, string> | null; deletionTimestamp?: string | null };
  status?: { phase?: string | null; conditions?: { type?: string | null; status?: string | null }[] | null } | null;
}

export type EvictionCheck =
  /** No budget to spend: delete (finished, pending or terminating pods; no budget; unhealthy pods the policy lets go). */
  | { action: 'delete'; reason: 'ignorable' | 'no-budget' | 'unhealthy' }
  /** Write this status to the budget (with its resourceVersion as precondition), then delete. */
  | { action: 'decrement'; pdb: PodDisruptionBudgetLike; status: PodDisruptionBudgetStatusLike };

const isReady = (pod: EvictedPodLike) => (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** Budgets of the pod's namespace that select it; a null or empty selector selects nothing here, as upstream. */
export function budgetsFor(pod: EvictedPodLike, pdbs: readonly PodDisruptionBudgetLike[]): PodDisruptionBudgetLike[] {
  return pdbs.filter((pdb) => {
    let selector: Selector;
    try {
      selector = labelSelectorToSelector(pdb.spec?.selector as never);
    } catch {
      return false;
    }
    return selector.requirements.length > 0 && matches(selector, pod.metadata.labels ?? {});
  });
}

/** Decides one eviction against the namespace's budgets; throws Kubernetes' errors (TOO_MANY_REQUESTS, FORBIDDEN, the several-budgets one). */
export function checkEviction(pod: EvictedPodLike, pdbs: readonly PodDisruptionBudgetLike[], now: Date): EvictionCheck {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata.deletionTimestamp) return { action: 'delete', reason: 'ignorable' };
  const matching = budgetsFor(pod, pdbs);
  if (matching.length > 1) throw new ApiError('INTERNAL_SERVER_ERROR', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  const pdb = matching[0];
  if (!pdb) return { action: 'delete', reason: 'no-budget' };
  const status = pdb.status ?? {};
  if (!isReady(pod)) {
    // An unready pod does not count towards currentHealthy: letting it go spends nothing.
    if (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow') return { action: 'delete', reason: 'unhealthy' };
    if ((status.currentHealthy ?? 0) >= (status.desiredHealthy ?? 0) && (status.desiredHealthy ?? 0) > 0) return { action: 'delete', reason: 'unhealthy' };
  }
  return { action: 'decrement', pdb, status: checkAndDecrement(pod.metadata.name ?? '', pdb, now) };
}

/** The budget's next status after letting `podName` go, or the refusal. */
export function checkAndDecrement(podName: string, pdb: PodDisruptionBudgetLike, now: Date): PodDisruptionBudgetStatusLike {
  const name = pdb.metadata?.name ?? '';
  const status = pdb.status ?? {};
  if ((status.observedGeneration ?? 0) < Number(pdb.metadata?.generation ?? 1)) {
    // Kubernetes' cause: "The disruption budget <name> is still being processed by the server."
    throw new ApiError('TOO_MANY_REQUESTS', EVICTION_REFUSED_MESSAGE);
  }
  const allowed = status.disruptionsAllowed ?? 0;
  if (allowed < 0) throw new ApiError('FORBIDDEN', `poddisruptionbudgets.policy "${name}" is forbidden: pdb disruptions allowed is negative`);
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE) {
    throw new ApiError('FORBIDDEN', `poddisruptionbudgets.policy "${name}" is forbidden: DisruptedPods map too big - too many evictions not confirmed by PDB controller`);
  }
  if (allowed === 0) {
    // Kubernetes' cause: "The disruption budget <name> needs <desired> healthy pods and has <current> currently".
    throw new ApiError('TOO_MANY_REQUESTS', EVICTION_REFUSED_MESSAGE);
  }
  const next: PodDisruptionBudgetStatusLike = { ...status, disruptionsAllowed: allowed - 1, disruptedPods: { ...(status.disruptedPods ?? {}), [podName]: now.toISOString() } };
  return allowed - 1 === 0 ? { ...next, conditions: withDisruptionAllowedCondition(next, now) } : next;
}
