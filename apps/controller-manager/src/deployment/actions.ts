// What decideDeployment asks the wiring to do, in order. Kubernetes makes these writes
// one after another and abandons the sync at the first failure; so should `act`.
import type { Deployment, OwnerReference, ReplicaSet } from '@wheelhouse/model';

export type DeploymentAction =
  /** Patch the ReplicaSet's ownerReferences to add `ownerReference` (uid precondition). */
  | { type: 'adoptReplicaSet'; replicaSet: ReplicaSet; ownerReference: OwnerReference }
  /** Patch the ReplicaSet's ownerReferences to drop the one with `ownerUid`. */
  | { type: 'releaseReplicaSet'; replicaSet: ReplicaSet; ownerUid: string }
  /**
   * Create the new ReplicaSet. On AlreadyExists re-read it: if it is this Deployment's
   * with an equal template carry on, otherwise bump status.collisionCount and requeue.
   * On other errors, `replicaSetCreateFailedStatus` gives the status to report.
   */
  | { type: 'createReplicaSet'; replicaSet: ReplicaSet }
  /**
   * Update the ReplicaSet to this object (spec.replicas, annotations, minReadySeconds).
   * Several updates of one ReplicaSet may follow each other: each builds on the previous.
   */
  | { type: 'updateReplicaSet'; replicaSet: ReplicaSet; scaled?: { from: number; to: number } }
  /** Delete an old ReplicaSet beyond revisionHistoryLimit. */
  | { type: 'deleteReplicaSet'; replicaSet: ReplicaSet }
  /** Update the Deployment itself (rollback: template, annotations, request cleared). */
  | { type: 'updateDeployment'; deployment: Deployment }
  /**
   * Write the Deployment's status — and its annotations, which carry the revision
   * (Kubernetes' status update persists both).
   */
  | { type: 'updateDeploymentStatus'; deployment: Deployment }
  /** Record an event on the Deployment. */
  | { type: 'event'; eventType: 'Normal' | 'Warning'; reason: string; message: string }
  /** Sync again after this long to check the progress deadline (rate-limited when 0). */
  | { type: 'requeueAfter'; milliseconds: number };
