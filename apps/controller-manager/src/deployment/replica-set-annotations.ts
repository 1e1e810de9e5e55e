// Annotations the Deployment controller keeps on its ReplicaSets: copied Deployment
// annotations, revision (+ history) and desired/max replicas (deployment_util.go).
import type { Deployment, ReplicaSet } from '@wheelhouse/model';
import {
  DESIRED_REPLICAS_ANNOTATION,
  LAST_APPLIED_CONFIG_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  MAX_REVISION_HISTORY_LENGTH,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
} from './annotations.js';
import { maxSurgeOf } from './fenceposts.js';
import { replicasOf } from './spec.js';

type Annotations = Record<string, string>;

// Controller-owned or apply-tool annotations never copied between Deployment and ReplicaSet.
const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED_CONFIG_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
]);

export const skipCopyAnnotation = (key: string): boolean => ANNOTATIONS_TO_SKIP.has(key);

/** An integer annotation (strconv.Atoi), undefined when absent or malformed. */
export function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const value = rs.metadata.annotations?.[key];
  return value !== undefined && /^[+-]?[0-9]+$/.test(value) ? Number(value) : undefined;
}

export const desiredReplicasAnnotationOf = (rs: ReplicaSet): number | undefined => intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
export const maxReplicasAnnotationOf = (rs: ReplicaSet): number | undefined => intAnnotation(rs, MAX_REPLICAS_ANNOTATION);

/** spec.replicas and spec.replicas + maxSurge: what every scale records on the ReplicaSet. */
export function replicasAnnotationsFor(d: Deployment): { desired: number; max: number } {
  const desired = replicasOf(d);
  return { desired, max: desired + maxSurgeOf(d) };
}

/** Whether the desired/max annotations differ from these values. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = rs.metadata.annotations ?? {};
  return annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || annotations[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/** `rs`'s annotations with desired/max replicas set. */
export function withReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): Annotations {
  return { ...(rs.metadata.annotations ?? {}), [DESIRED_REPLICAS_ANNOTATION]: String(desired), [MAX_REPLICAS_ANNOTATION]: String(max) };
}

/**
 * SetNewReplicaSetAnnotations: copy the Deployment's own annotations, raise the revision
 * to `newRevision` when it is higher (keeping the old one in revision-history, trimmed to
 * 2000 characters, when a rollback revives this ReplicaSet), and on creation (`exists`
 * false) record desired/max replicas. Returns the new annotations and whether anything
 * changed; a malformed revision on either side changes nothing.
 */
export function newReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: number, exists: boolean): { annotations: Annotations; changed: boolean } {
  const annotations: Annotations = { ...(rs.metadata.annotations ?? {}) };
  let changed = false;
  for (const [key, value] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopyAnnotation(key) || annotations[key] === value) continue;
    annotations[key] = value;
    changed = true;
  }
  const hadRevision = REVISION_ANNOTATION in annotations;
  const oldRevisionText = annotations[REVISION_ANNOTATION] ?? '';
  let oldRevision = 0;
  if (oldRevisionText !== '') {
    if (!/^[+-]?[0-9]+$/.test(oldRevisionText)) return { annotations, changed: false };
    oldRevision = Number(oldRevisionText);
  }
  if (oldRevision < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (hadRevision) annotations[REVISION_HISTORY_ANNOTATION] = appendRevisionHistory(annotations[REVISION_HISTORY_ANNOTATION], oldRevisionText);
  }
  if (!exists) {
    const { desired, max } = replicasAnnotationsFor(d);
    if (replicasAnnotationsNeedUpdate({ ...rs, metadata: { ...rs.metadata, annotations } }, desired, max)) {
      Object.assign(annotations, { [DESIRED_REPLICAS_ANNOTATION]: String(desired), [MAX_REPLICAS_ANNOTATION]: String(max) });
      changed = true;
    }
  }
  return { annotations, changed };
}

// Appends `oldRevision`, dropping the oldest entries to stay within the length limit;
// if even that is not enough the history is left as it was.
function appendRevisionHistory(history: string | undefined, oldRevision: string): string {
  const entries = (history ?? '').split(',');
  if (entries[0] === '') return oldRevision;
  let totalLength = (history ?? '').length + oldRevision.length + 1;
  let start = 0;
  while (totalLength > MAX_REVISION_HISTORY_LENGTH && start < entries.length) {
    totalLength -= entries[start]!.length + 1;
    start++;
  }
  return totalLength <= MAX_REVISION_HISTORY_LENGTH ? [...entries.slice(start), oldRevision].join(',') : (history ?? '');
}

/** SetDeploymentAnnotationsTo: on rollback, the Deployment takes the ReplicaSet's copyable annotations. */
export function deploymentAnnotationsFrom(d: Deployment, rollbackTo: ReplicaSet): Annotations {
  const kept = Object.entries(d.metadata.annotations ?? {}).filter(([key]) => skipCopyAnnotation(key));
  const copied = Object.entries(rollbackTo.metadata.annotations ?? {}).filter(([key]) => !skipCopyAnnotation(key));
  return Object.fromEntries([...kept, ...copied]);
}
