/** kubectl's PodDisruptionBudget cells (pkg/printers/internalversion/printers.go printPodDisruptionBudget). */
import type { PodDisruptionBudget } from '@wheelhouse/model';

/** MIN AVAILABLE / MAX UNAVAILABLE: the IntOrString as written, N/A when unset. */
export const pdbMinAvailable = (o: PodDisruptionBudget) => intOrNA(o.spec?.minAvailable);
export const pdbMaxUnavailable = (o: PodDisruptionBudget) => intOrNA(o.spec?.maxUnavailable);

function intOrNA(value: unknown): string {
  return value === undefined || value === null ? 'N/A' : String(value);
}
