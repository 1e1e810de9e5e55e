// Shared pure helpers of the workload controllers.
export type * from './vocabulary.js';
export { timeOf, timestampOf } from './time.js';
export { isPodActive, isPodReady, isPodAvailable, podReadyCondition } from './pod-predicates.js';
export {
  controllerRef,
  isControlledBy,
  newControllerRef,
  withOwnerReference,
  withoutOwnerReference,
  type GroupVersionKind,
} from './owner-references.js';
export { claimObjects, type Claim } from './claim.js';
export {
  POD_DELETION_COST_ANNOTATION,
  comparePodsForDeletion,
  podDeletionCost,
  sortPodsForDeletion,
  type DeletionOrderOptions,
} from './sort-pods-for-deletion.js';
