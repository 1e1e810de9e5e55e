import type { KubeObject } from '../object.js';

/**
 * Kubernetes' pod delete strategy: a pod bound to a node and not yet finished gets a
 * deletionTimestamp grace seconds ahead and stays until its node agent confirms with
 * grace 0; an unbound or finished pod, or grace 0, is deleted at once.
 */
export function beginPodTermination(pod: KubeObject, requestedGraceSeconds: number | undefined, now: Date): KubeObject | null {
  const spec = (pod.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  const grace = requestedGraceSeconds ?? pod.metadata.deletionGracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
  if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed' || grace <= 0) return null;
  const deadline = new Date(now.getTime() + grace * 1000);
  const current = pod.metadata.deletionTimestamp ? new Date(pod.metadata.deletionTimestamp) : undefined;
  // A second delete may shorten the grace period, never lengthen it.
  if (current && current <= deadline) return pod;
  return {
    ...pod,
    metadata: { ...pod.metadata, deletionTimestamp: toTimestamp(deadline), deletionGracePeriodSeconds: grace },
  };
}

/** Kubernetes timestamps are RFC 3339 with second precision. */
export function toTimestamp(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
