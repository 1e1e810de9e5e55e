// Which cached pods a ReplicaSet sync needs to see. decideReplicaSet only looks at pods the
// ReplicaSet owns, pods its selector matches (orphans to adopt) and pods its sibling
// ReplicaSets select (scale-down ranking); handing it every pod of the namespace made each
// sync O(pods in the namespace), which dominated the manager's CPU at 10,000 pods.
import { controllerRef } from '../common/owner-references.js';
import type { KubeObject } from '@wheelhouse/model';
import type { ReplicaSetKind, ReplicaSetLike } from './kind.js';

/** The part of an informer this needs: an indexed list and the owner index. */
export interface PodIndex<P> {
  list(namespace?: string | null, matcher?: Readonly<Record<string, string>>): P[];
  byOwner(uid: string): P[];
}

/**
 * The label pairs every pod the selector matches must carry, for the informer's label
 * index; undefined when there are none (the whole namespace must be read).
 */
export function requiredLabelsOf(rs: ReplicaSetLike, kind: ReplicaSetKind): Record<string, string> | undefined {
  const selector = rs.spec?.selector as { matchLabels?: Record<string, string> } | Record<string, string> | null | undefined;
  const labels =
    kind === 'ReplicationController'
      ? (selector as Record<string, string> | null | undefined)
      : (selector as { matchLabels?: Record<string, string> } | null | undefined)?.matchLabels;
  return labels && Object.keys(labels).length > 0 ? labels : undefined;
}

/**
 * A superset of the pods decideReplicaSet reads for `rs`: its own pods, and the pods its
 * and its siblings' (same controller) selectors could match in its namespace.
 */
export function candidatePods<P extends KubeObject>(pods: PodIndex<P>, rs: ReplicaSetLike, kind: ReplicaSetKind, replicaSets: readonly ReplicaSetLike[]): P[] {
  const namespace = rs.metadata.namespace;
  const owner = controllerRef(rs);
  const selecting = owner ? [rs, ...replicaSets.filter((other) => other !== rs && other.metadata.uid !== rs.metadata.uid && controllerRef(other)?.uid === owner.uid)] : [rs];
  const out = new Set<P>(pods.byOwner(rs.metadata.uid ?? ''));
  for (const x of selecting) {
    const labels = requiredLabelsOf(x, kind);
    if (!labels) return pods.list(namespace); // a selector without required pairs: read them all
    for (const pod of pods.list(namespace, labels)) out.add(pod);
  }
  return [...out];
}
