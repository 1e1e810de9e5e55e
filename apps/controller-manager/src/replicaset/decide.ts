// syncReplicaSet as a pure decision: claim pods, then create or delete to reach
// spec.replicas, then report status (pkg/controller/replicaset/replica_set.go).
import { newControllerRef } from '../common/owner-references.js';
import { isPodActive } from '../common/pod-predicates.js';
import { claimObjects } from '../common/claim.js';
import type { OwnerReference, Pod, ReplicaSetStatus } from '@wheelhouse/model';
import { calculateReplicaSetStatus, replicaSetStatusNeedsUpdate } from './calculate-status.js';
import { CONTROLLER_KINDS, desiredReplicasOf, minReadySecondsOf, podSelectorOf, replicaSetKindOf, type ReplicaSetKind, type ReplicaSetLike } from './kind.js';
import { podFromTemplate } from './pod-from-template.js';
import { BURST_REPLICAS, podsToDelete, relatedPodsOf } from './pods-to-delete.js';
import { slowStartBatches } from './slow-start-batch.js';

export interface ReplicaSetState {
  /** The ReplicaSet or ReplicationController being synced. */
  rs: ReplicaSetLike;
  /** Defaults to `rs.kind`, else ReplicaSet. */
  kind?: ReplicaSetKind;
  /**
   * Pods of the namespace: at least those the ReplicaSet owns and those its or its siblings'
   * selectors match (candidatePods); any others are ignored.
   */
  pods: readonly Pod[];
  /** Every object of the same kind in the namespace; lets scale-down prefer nodes crowded with siblings. */
  replicaSets?: readonly ReplicaSetLike[];
  /** False while creates/deletes from an earlier sync have not been observed yet. */
  expectationsSatisfied: boolean;
  /** Message of the last failed pod create, reported as the ReplicaFailure condition. */
  lastCreateError?: string;
  /** Message of the last failed pod delete, reported as the ReplicaFailure condition. */
  lastDeleteError?: string;
  now: Date;
}

export type ReplicaSetAction =
  /** Patch the pod's ownerReferences to add `ownerReference` (uid precondition). */
  | { type: 'adopt'; pod: Pod; ownerReference: OwnerReference }
  /** Patch the pod's ownerReferences to drop the one with `ownerUid`. */
  | { type: 'release'; pod: Pod; ownerUid: string }
  /** Create `count` copies of `pod`, batch after batch; stop after a batch with a failure. */
  | { type: 'create'; pod: Pod; count: number; batches: number[] }
  /** Delete these pods (concurrently), in this preference order. */
  | { type: 'delete'; pods: Pod[] }
  /** Write the status subresource. */
  | { type: 'status'; status: ReplicaSetStatus }
  /** Sync again later: pods are ready but not yet available for minReadySeconds. */
  | { type: 'requeueAfter'; seconds: number };

/**
 * Pods marked for deletion or finished are not replicas and are never claimed. Nothing
 * is created or deleted while expectations are unsatisfied or the object is being
 * deleted; claiming and status still happen. An invalid selector yields no actions.
 */
export function decideReplicaSet(state: ReplicaSetState): ReplicaSetAction[] {
  const { rs, now } = state;
  const kind = replicaSetKindOf(rs, state.kind);
  let selector: ReturnType<typeof podSelectorOf>;
  try {
    selector = podSelectorOf(rs, kind);
  } catch {
    return [];
  }
  const actions: ReplicaSetAction[] = [];
  const ownerReference = newControllerRef(rs, CONTROLLER_KINDS[kind]);

  const claim = claimObjects(rs, selector, state.pods.filter(isPodActive));
  for (const pod of claim.adopt) actions.push({ type: 'adopt', pod, ownerReference });
  for (const pod of claim.release) actions.push({ type: 'release', pod, ownerUid: rs.metadata.uid ?? '' });
  const owned = claim.claimed;

  const diff = owned.length - desiredReplicasOf(rs);
  if (state.expectationsSatisfied && !rs.metadata.deletionTimestamp) {
    if (diff < 0) {
      const count = Math.min(-diff, BURST_REPLICAS);
      actions.push({ type: 'create', pod: podFromTemplate(rs, ownerReference), count, batches: slowStartBatches(count) });
    } else if (diff > 0) {
      const related = relatedPodsOf(rs, kind, state.replicaSets ?? [], state.pods);
      actions.push({ type: 'delete', pods: podsToDelete(owned, related, Math.min(diff, BURST_REPLICAS), now) });
    }
  }

  const manageError = state.lastCreateError ?? state.lastDeleteError;
  const status = calculateReplicaSetStatus(rs, owned, manageError, now);
  if (replicaSetStatusNeedsUpdate(rs, status)) actions.push({ type: 'status', status });

  // A last line of defence against clock skew: look again once the ready pods should be available.
  const minReadySeconds = minReadySecondsOf(rs);
  const desired = desiredReplicasOf(rs);
  if (manageError === undefined && minReadySeconds > 0 && status.readyReplicas === desired && status.availableReplicas !== desired) {
    actions.push({ type: 'requeueAfter', seconds: minReadySeconds });
  }
  return actions;
}
