// The ReplicaSet / ReplicationController decisions.
export { decideReplicaSet, type ReplicaSetAction, type ReplicaSetState } from './decide.js';
export {
  CONTROLLER_KINDS,
  desiredReplicasOf,
  minReadySecondsOf,
  podSelectorOf,
  replicaSetKindOf,
  type ReplicaSetKind,
  type ReplicaSetLike,
} from './kind.js';
export { SLOW_START_INITIAL_BATCH_SIZE, runSlowStart, slowStartBatches, slowStartCreate, type CreationExpectations, type SlowStartResult } from './slow-start-batch.js';
export { deletePods, type DeleteResult, type DeletionExpectations } from './delete-pods.js';
export { BURST_REPLICAS, podsToDelete, ranksByRelatedPodsOnSameNode, relatedPodsOf } from './pods-to-delete.js';
export { calculateReplicaSetStatus, replicaSetStatusNeedsUpdate } from './calculate-status.js';
export { REPLICA_FAILURE, replicaFailureConditions } from './replica-failure.js';
export { podFromTemplate } from './pod-from-template.js';
