import type { LabelSelector } from '@wheelhouse/selectors';

/** policy/v1 PodDisruptionBudget, as the validators, the disruption controller and the eviction see it. */
export interface PodDisruptionBudgetSpecLike {
  minAvailable?: number | string | null;
  maxUnavailable?: number | string | null;
  /** Null selects no pods; `{}` selects every pod of the namespace (policy/v1). */
  selector?: LabelSelector | null;
  /** IfHealthyBudget (default behaviour) or AlwaysAllow. */
  unhealthyPodEvictionPolicy?: string | null;
}

export interface PodDisruptionBudgetStatusLike {
  observedGeneration?: number | null;
  /** Pod name → when the eviction API let it go; the controller stops counting it once it is gone or the entry expires. */
  disruptedPods?: Record<string, string> | null;
  disruptionsAllowed?: number | null;
  currentHealthy?: number | null;
  desiredHealthy?: number | null;
  expectedPods?: number | null;
  conditions?:
    | { type?: string | null; status?: string | null; reason?: string | null; message?: string | null; lastTransitionTime?: string | null; observedGeneration?: number | null }[]
    | null;
}

export interface PodDisruptionBudgetLike {
  metadata?: { name?: string | null; namespace?: string | null; generation?: number | string | null; resourceVersion?: string | null };
  spec?: PodDisruptionBudgetSpecLike | null;
  status?: PodDisruptionBudgetStatusLike | null;
}

export const UNHEALTHY_POD_EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'] as const;
