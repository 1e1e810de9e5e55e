// v1.Toleration.ToleratesTaint and the helpers around it (k8s.io/api/core/v1/toleration.go).
import type { Taint, Toleration } from '@wheelhouse/model';
import type { TaintEffect } from './types.js';

/** Whether one toleration tolerates one taint. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? 'Equal') {
    case 'Exists':
      return true; // an empty key with Exists tolerates every taint
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

export const tolerates = (tolerations: readonly Toleration[], taint: Taint) => tolerations.some((t) => toleratesTaint(t, taint));

/** The first taint with one of `effects` that no toleration tolerates (FindMatchingUntoleratedTaint). */
export function findUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[], effects: readonly TaintEffect[]): Taint | undefined {
  return taints.find((taint) => (effects as readonly string[]).includes(taint.effect ?? '') && !tolerates(tolerations, taint));
}
