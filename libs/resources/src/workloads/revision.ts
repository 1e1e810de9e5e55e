import type { KubeObject } from '../object.js';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

/** A ReplicaSet's revision from its annotation (0 when absent or malformed). */
export function revisionOf(replicaSet: KubeObject): number {
  const value = Number(replicaSet.metadata.annotations?.[REVISION_ANNOTATION]);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

/** The ReplicaSets a Deployment controls (by controller ownerReference), oldest revision first. */
export function ownedReplicaSets(deployment: KubeObject, replicaSets: KubeObject[]): KubeObject[] {
  return replicaSets
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((o) => o.controller && o.uid === deployment.metadata.uid))
    .sort((a, b) => revisionOf(a) - revisionOf(b));
}

/**
 * kubectl rollout undo: the ReplicaSet of `toRevision`, or with 0 the one before the
 * newest. Undefined when there is no such revision.
 */
export function rollbackSource(replicaSets: KubeObject[], toRevision: number): KubeObject | undefined {
  const byRevision = [...replicaSets].filter((rs) => revisionOf(rs) > 0).sort((a, b) => revisionOf(b) - revisionOf(a));
  return toRevision === 0 ? byRevision[1] : byRevision.find((rs) => revisionOf(rs) === toRevision);
}

/** A ReplicaSet's pod template as a Deployment template: without the controller's hash label. */
export function templateForDeployment(replicaSet: KubeObject): Record<string, unknown> {
  const template = ((replicaSet.spec ?? {}) as { template?: { metadata?: { labels?: Record<string, string> } } }).template ?? {};
  const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...labels } = template.metadata?.labels ?? {};
  return { ...template, metadata: { ...(template.metadata ?? {}), labels } };
}
