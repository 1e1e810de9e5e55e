import type { PodDisruptionBudgetStatusLike } from './pdb-types.js';

/** policy/v1's condition type and reasons (k8s.io/api/policy/v1 types.go). */
export const DISRUPTION_ALLOWED_CONDITION = 'DisruptionAllowed';
export const SYNC_FAILED_REASON = 'SyncFailed';
export const SUFFICIENT_PODS_REASON = 'SufficientPods';
export const INSUFFICIENT_PODS_REASON = 'InsufficientPods';

type Condition = NonNullable<PodDisruptionBudgetStatusLike['conditions']>[number];

/** apimeta.SetStatusCondition: replaces the condition of that type; the transition time moves only when the status changes. */
export function setStatusCondition(conditions: readonly Condition[], next: { type: string; status: string; reason: string; message?: string }, now: Date): Condition[] {
  const current = conditions.find((c) => c.type === next.type);
  const lastTransitionTime = current && current.status === next.status && current.lastTransitionTime ? current.lastTransitionTime : now.toISOString();
  const condition: Condition = { type: next.type, status: next.status, reason: next.reason, message: next.message ?? '', lastTransitionTime };
  return current ? conditions.map((c) => (c === current ? condition : c)) : [...conditions, condition];
}

/** pdbhelper.UpdateDisruptionAllowedCondition: True/SufficientPods while disruptions are allowed, else False/InsufficientPods. */
export function withDisruptionAllowedCondition(status: PodDisruptionBudgetStatusLike, now: Date): Condition[] {
  const allowed = (status.disruptionsAllowed ?? 0) > 0;
  return setStatusCondition(
    status.conditions ?? [],
    { type: DISRUPTION_ALLOWED_CONDITION, status: allowed ? 'True' : 'False', reason: allowed ? SUFFICIENT_PODS_REASON : INSUFFICIENT_PODS_REASON },
    now,
  );
}

/** pdbhelper.ConditionsAreUpToDate. */
export function disruptionConditionUpToDate(status: PodDisruptionBudgetStatusLike, generation: number): boolean {
  const condition = (status.conditions ?? []).find((c) => c.type === DISRUPTION_ALLOWED_CONDITION);
  if (!condition || (status.observedGeneration ?? 0) !== generation) return false;
  return (status.disruptionsAllowed ?? 0) > 0
    ? condition.status === 'True' && condition.reason === SUFFICIENT_PODS_REASON
    : condition.status === 'False' && condition.reason === INSUFFICIENT_PODS_REASON;
}
