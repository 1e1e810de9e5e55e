// metav1 owner-reference helpers: GetControllerOf, IsControlledBy, NewControllerRef.
import type { KubeObject, OwnerReference } from '@wheelhouse/model';

/** The owner reference marked `controller: true`, if any. */
export function controllerRef(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

/** Whether `owner` (matched by uid) is the controller of `obj`. */
export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  const ref = controllerRef(obj);
  return ref !== undefined && owner.metadata.uid !== undefined && ref.uid === owner.metadata.uid;
}

/** The kind an owner reference names, for objects whose JSON may lack apiVersion/kind. */
export interface GroupVersionKind {
  apiVersion: string;
  kind: string;
}

/**
 * A controller reference to `owner`: the one ownerReference that says "I manage you";
 * blockOwnerDeletion keeps foreground deletion of the owner waiting for its objects.
 */
export function newControllerRef(owner: KubeObject, kind?: GroupVersionKind): OwnerReference {
  return {
    apiVersion: kind?.apiVersion ?? owner.apiVersion ?? '',
    kind: kind?.kind ?? owner.kind ?? '',
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** `obj`'s owner references with `ref` added (what an adoption patch writes). */
export function withOwnerReference(obj: KubeObject, ref: OwnerReference): OwnerReference[] {
  return [...(obj.metadata.ownerReferences ?? []).filter((existing) => existing.uid !== ref.uid), ref];
}

/** `obj`'s owner references without the one to `ownerUid` (what a release patch writes). */
export function withoutOwnerReference(obj: KubeObject, ownerUid: string): OwnerReference[] {
  return (obj.metadata.ownerReferences ?? []).filter((ref) => ref.uid !== ownerUid);
}
