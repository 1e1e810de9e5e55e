/**
 * The garbage collector's decisions, as Kubernetes' (pkg/controller/garbagecollector):
 * what to do with one object given its owners' state and its dependents. Pure; the
 * controller looks the objects up and carries the actions out through the API.
 */

export interface OwnerRef {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
  uid: string;
}

export interface GcObject extends ObjectRef {
  ownerReferences: OwnerRef[];
  finalizers: string[];
  deletionTimestamp?: string;
}

export type GcAction =
  /** Delete an object (a dependent) with a propagation policy. */
  | { type: 'delete'; target: ObjectRef; propagationPolicy: 'Background' | 'Foreground' }
  /** Remove ownerReferences (by owner uid) from a dependent. */
  | { type: 'removeOwnerReferences'; target: ObjectRef; ownerUids: string[] }
  /** Remove a finalizer from an object being deleted. */
  | { type: 'removeFinalizer'; target: ObjectRef; finalizer: string }
  /** Check again later (dependents still going away). */
  | { type: 'wait' };

export const ORPHAN_FINALIZER = 'orphan';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

/**
 * A dependent whose owners are all gone is deleted (Background, or Foreground when an
 * absent owner was being deleted in the foreground); one with some owners left loses
 * only the dangling references. `ownerState(uid)` says whether an owner exists, and
 * whether it is being deleted in the foreground.
 */
export function decideDependent(object: GcObject, ownerState: (uid: string) => 'absent' | 'present' | 'deletingForeground'): GcAction[] {
  if (object.ownerReferences.length === 0 || object.deletionTimestamp) return [];
  const states = object.ownerReferences.map((ref) => ({ ref, state: ownerState(ref.uid) }));
  const absent = states.filter((s) => s.state === 'absent').map((s) => s.ref.uid);
  const foreground = states.filter((s) => s.state === 'deletingForeground');
  const present = states.filter((s) => s.state === 'present');
  if (present.length === 0 && foreground.length === 0) return [{ type: 'delete', target: object, propagationPolicy: 'Background' }];
  if (present.length === 0) return [{ type: 'delete', target: object, propagationPolicy: 'Foreground' }];
  return absent.length > 0 ? [{ type: 'removeOwnerReferences', target: object, ownerUids: absent }] : [];
}

/**
 * An owner being deleted with the `orphan` finalizer frees its dependents first; one
 * with `foregroundDeletion` deletes them and stays until none that block its deletion
 * remain. Other owners being deleted need nothing from the collector.
 */
export function decideOwnerDeletion(owner: GcObject, dependents: GcObject[]): GcAction[] {
  if (!owner.deletionTimestamp) return [];
  if (owner.finalizers.includes(ORPHAN_FINALIZER)) {
    const bound = dependents.filter((d) => d.ownerReferences.some((r) => r.uid === owner.uid));
    return bound.length > 0
      ? bound.map((d) => ({ type: 'removeOwnerReferences', target: d, ownerUids: [owner.uid] }) as GcAction)
      : [{ type: 'removeFinalizer', target: owner, finalizer: ORPHAN_FINALIZER }];
  }
  if (owner.finalizers.includes(FOREGROUND_FINALIZER)) {
    const blocking = dependents.filter((d) => d.ownerReferences.some((r) => r.uid === owner.uid && r.blockOwnerDeletion));
    if (blocking.length === 0) return [{ type: 'removeFinalizer', target: owner, finalizer: FOREGROUND_FINALIZER }];
    const toDelete = dependents.filter((d) => !d.deletionTimestamp && d.ownerReferences.some((r) => r.uid === owner.uid));
    const actions: GcAction[] = toDelete.map((d) => ({ type: 'delete', target: d, propagationPolicy: 'Foreground' }));
    return actions.length > 0 ? actions : [{ type: 'wait' }];
  }
  return [];
}
