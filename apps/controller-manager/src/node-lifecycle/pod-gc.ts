// Pods on an unreachable node cannot finish terminating: no agent confirms. Once their
// grace period is over they are force-deleted (Kubernetes' pod GC of terminating pods
// on nodes that are gone), so their names and resources are free again.
import { timeOf } from '../common/time.js';
import type { Pod } from '@wheelhouse/model';

/** The terminating pods whose deletionTimestamp (the end of their grace) has passed, and when the next one's does. */
export function expiredTerminatingPods(pods: readonly Pod[], nowMs: number): { expired: Pod[]; nextMs: number | null } {
  const expired: Pod[] = [];
  let nextMs: number | null = null;
  for (const pod of pods) {
    const deadline = timeOf(pod.metadata.deletionTimestamp);
    if (deadline === undefined) continue;
    if (deadline <= nowMs) expired.push(pod);
    else if (nextMs === null || deadline < nextMs) nextMs = deadline;
  }
  return { expired, nextMs };
}

/**
 * Pods bound to a node that does not exist (deleted, or never created) are
 * force-deleted, as Kubernetes' pod GC does, but only after the node has been missing
 * for a quarantine (a node may be newer than the controller's cache): the milliseconds
 * left to wait, 0 once the pods may go (after one more check with the API).
 */
export function orphanQuarantineLeft(missingSinceMs: number, nowMs: number, quarantineMs: number): number {
  return Math.max(0, missingSinceMs + quarantineMs - nowMs);
}
