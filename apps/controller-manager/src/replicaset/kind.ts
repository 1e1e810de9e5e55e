// One controller, two kinds: a ReplicationController is a ReplicaSet whose selector is a
// plain label map (Kubernetes runs the same code through a conversion adapter).
import { labelSelectorToSelector, selectorFromSet, nothing, type Selector } from '@wheelhouse/selectors';
import type { GroupVersionKind } from '../common/owner-references.js';
import type { KubeObject, LabelSelector, ReplicaSet, ReplicationController } from '@wheelhouse/model';

export type ReplicaSetKind = 'ReplicaSet' | 'ReplicationController';
export type ReplicaSetLike = ReplicaSet | ReplicationController;

/** The group/version/kind written into the ownerReferences of the pods each kind creates. */
export const CONTROLLER_KINDS: Readonly<Record<ReplicaSetKind, GroupVersionKind>> = {
  ReplicaSet: { apiVersion: 'apps/v1', kind: 'ReplicaSet' },
  ReplicationController: { apiVersion: 'v1', kind: 'ReplicationController' },
};

/** The explicit kind if given, else the object's own `kind`, else ReplicaSet. */
export function replicaSetKindOf(obj: KubeObject, explicit?: ReplicaSetKind): ReplicaSetKind {
  return explicit ?? (obj.kind === 'ReplicationController' ? 'ReplicationController' : 'ReplicaSet');
}

/**
 * The pod selector. A missing selector selects nothing; an RC's `{}` map selects
 * everything (Convert_Map_to_LabelSelector). Throws SelectorParseError when invalid.
 */
export function podSelectorOf(rs: ReplicaSetLike, kind: ReplicaSetKind): Selector {
  const selector = rs.spec?.selector;
  if (kind === 'ReplicationController') {
    return selector == null ? nothing() : selectorFromSet(selector as Record<string, string>);
  }
  return labelSelectorToSelector(selector as LabelSelector | null | undefined);
}

/** spec.replicas with the API default of 1. */
export function desiredReplicasOf(rs: ReplicaSetLike): number {
  return rs.spec?.replicas ?? 1;
}

/** spec.minReadySeconds with the API default of 0. */
export function minReadySecondsOf(rs: ReplicaSetLike): number {
  return rs.spec?.minReadySeconds ?? 0;
}
