// The NoExecute taint manager's arithmetic (pkg/controller/tainteviction): when must a
// pod leave a node with NoExecute taints?
import { timeOf } from '../common/time.js';
import { matchingToleration } from './tolerations.js';
import type { Pod, Taint } from '@wheelhouse/model';

/**
 * The time (ms since the epoch) the pod must be evicted by, or null if never. Each
 * NoExecute taint gives a deadline: when it was added (or the pod created, if later)
 * plus the tolerationSeconds of the first toleration that tolerates it; no tolerating
 * toleration, or tolerationSeconds ≤ 0, means at once; a toleration without
 * tolerationSeconds tolerates forever. The earliest deadline wins. Taints not stamped
 * with timeAdded yet are left out (the controller stamps them first).
 */
export function evictionDeadline(pod: Pod, taints: readonly Taint[]): number | null {
  const tolerations = pod.spec?.tolerations ?? [];
  const podCreated = timeOf(pod.metadata.creationTimestamp) ?? 0;
  let deadline: number | null = null;
  for (const taint of taints) {
    if (taint.effect !== 'NoExecute') continue;
    const added = timeOf(taint.timeAdded);
    if (added === undefined) continue;
    const start = Math.max(added, podCreated);
    const toleration = matchingToleration(tolerations, taint);
    const seconds = toleration ? toleration.tolerationSeconds : 0;
    if (seconds === undefined || seconds === null) continue;
    const at = start + Math.max(0, seconds) * 1000;
    if (deadline === null || at < deadline) deadline = at;
  }
  return deadline;
}
