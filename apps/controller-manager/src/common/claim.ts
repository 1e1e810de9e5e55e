// ControllerRefManager.ClaimObject, pure: decide which objects a controller owns,
// which orphans it adopts and which of its objects it lets go (controller_ref_manager.go).
import { matches, type Selector } from '@wheelhouse/selectors';
import { controllerRef } from './owner-references.js';
import type { KubeObject } from '@wheelhouse/model';

export interface Claim<T extends KubeObject> {
  /** Objects the controller owns after this sync: already owned and matching, plus adoptions. */
  claimed: T[];
  /** Matching orphans to adopt (an ownerReference patch each). */
  adopt: T[];
  /** Owned objects whose labels stopped matching (their ownerReference is removed). */
  release: T[];
}

/**
 * Objects owned by another controller are ignored. Nothing is adopted or released while
 * the controller itself is being deleted, and orphans being deleted or living in another
 * namespace are left alone.
 */
export function claimObjects<T extends KubeObject>(controller: KubeObject, selector: Selector, objects: readonly T[], filter: (obj: T) => boolean = () => true): Claim<T> {
  const claim: Claim<T> = { claimed: [], adopt: [], release: [] };
  const controllerDeleting = Boolean(controller.metadata.deletionTimestamp);
  const namespace = controller.metadata.namespace;
  for (const obj of objects) {
    const matched = matches(selector, obj.metadata.labels ?? {}) && filter(obj);
    const ref = controllerRef(obj);
    if (ref) {
      if (ref.uid !== controller.metadata.uid) continue;
      if (matched) claim.claimed.push(obj);
      else if (!controllerDeleting) claim.release.push(obj);
      continue;
    }
    if (controllerDeleting || !matched || obj.metadata.deletionTimestamp) continue;
    if (namespace && obj.metadata.namespace !== namespace) continue;
    claim.adopt.push(obj);
    claim.claimed.push(obj);
  }
  return claim;
}
