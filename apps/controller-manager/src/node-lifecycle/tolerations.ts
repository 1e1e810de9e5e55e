// v1.Toleration.ToleratesTaint (k8s.io/api/core/v1/toleration.go). The scheduler has
// the same few lines; the controller-manager does not depend on the scheduler.
import type { Taint, Toleration } from '@wheelhouse/model';

export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator || 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

/** The first toleration that tolerates the taint, as GetMatchingTolerations picks it. */
export function matchingToleration(tolerations: readonly Toleration[], taint: Taint): Toleration | undefined {
  return tolerations.find((t) => toleratesTaint(t, taint));
}
