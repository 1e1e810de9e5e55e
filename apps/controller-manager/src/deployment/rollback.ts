// Rolling back to an earlier revision: the Deployment takes that ReplicaSet's template
// (rollback.go). Requested through the deprecated rollbackTo annotation.
import type { Deployment, ReplicaSet } from '@wheelhouse/model';
import { POD_TEMPLATE_HASH_LABEL, ROLLBACK_TO_ANNOTATION } from './annotations.js';
import { equalIgnoreHash } from './pod-template-hash.js';
import { deploymentAnnotationsFrom } from './replica-set-annotations.js';
import { lastRevision, revisionOf } from './revisions.js';

/** The requested rollback revision (0 = previous), or undefined when none or malformed. */
export function rollbackRevisionOf(d: Deployment): number | undefined {
  const value = d.metadata.annotations?.[ROLLBACK_TO_ANNOTATION];
  if (!value || !/^[+-]?[0-9]+$/.test(value)) return undefined;
  return Number(value);
}

/** The ReplicaSet at `toRevision`; 0 means the one before the newest. Undefined if there is none. */
export function rollbackTarget(replicaSets: readonly (ReplicaSet | undefined)[], toRevision: number): ReplicaSet | undefined {
  const revision = toRevision === 0 ? lastRevision(replicaSets) : toRevision;
  if (revision === 0) return undefined;
  return replicaSets.find((rs): rs is ReplicaSet => rs !== undefined && revisionOf(rs) === revision);
}

/** The Deployment with its rollback request removed. */
export function withoutRollbackRequest(d: Deployment): Deployment {
  const { [ROLLBACK_TO_ANNOTATION]: _request, ...annotations } = d.metadata.annotations ?? {};
  return { ...d, metadata: { ...d.metadata, annotations } };
}

/**
 * rollbackToTemplate: unless the templates already match, the Deployment gets the
 * ReplicaSet's template (without pod-template-hash) and its copyable annotations, so the
 * revived ReplicaSet does not inherit the newer revision's change-cause. The request is
 * cleared either way.
 */
export function rollbackToTemplate(d: Deployment, rs: ReplicaSet): { deployment: Deployment; performed: boolean } {
  if (equalIgnoreHash(d.spec?.template, rs.spec?.template)) return { deployment: withoutRollbackRequest(d), performed: false };
  const template = structuredClone(rs.spec?.template ?? {});
  const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...labels } = template.metadata?.labels ?? {};
  const rolledBack: Deployment = {
    ...d,
    metadata: { ...d.metadata, annotations: deploymentAnnotationsFrom(d, rs) },
    spec: { ...d.spec, template: { ...template, metadata: { ...template.metadata, labels } } },
  };
  return { deployment: withoutRollbackRequest(rolledBack), performed: true };
}
