// getAllReplicaSetsAndSyncRevision / getNewReplicaSet (sync.go): find the new and old
// ReplicaSets, keep the new one's annotations and the Deployment's revision in step, and
// create the new ReplicaSet when the rollout needs it.
import { isControlledBy } from '../common/owner-references.js';
import type { ReplicaSet } from '@wheelhouse/model';
import { Reasons, REVISION_ANNOTATION } from './annotations.js';
import { PROGRESSING, getDeploymentCondition, newDeploymentCondition, setDeploymentCondition } from './conditions.js';
import { collisionStatus } from './create-failure.js';
import { findNewAndOldReplicaSets } from './find-replica-sets.js';
import { buildNewReplicaSet } from './new-replica-set.js';
import { equalIgnoreHash } from './pod-template-hash.js';
import { newReplicaSetAnnotations } from './replica-set-annotations.js';
import { specReplicasOf } from './replica-sets.js';
import { maxRevision } from './revisions.js';
import { minReadySecondsOf, hasProgressDeadline } from './spec.js';
import type { SyncPlan } from './sync-plan.js';

export interface SyncedReplicaSets {
  newRS: ReplicaSet | undefined;
  oldRSs: ReplicaSet[];
}

/**
 * The existing new ReplicaSet gets the Deployment's annotations, revision (max old + 1)
 * and minReadySeconds; if none of that needed writing, the Deployment takes its revision
 * and, when no Progressing condition exists yet, Progressing=True/FoundNewReplicaSet.
 */
export function syncRevision(plan: SyncPlan, owned: readonly ReplicaSet[]): SyncedReplicaSets {
  const { newRS: existing, allOldRSs } = findNewAndOldReplicaSets(plan.d, owned);
  if (!existing) return { newRS: undefined, oldRSs: allOldRSs };
  const newRevision = maxRevision(allOldRSs) + 1;
  const { annotations, changed } = newReplicaSetAnnotations(plan.d, existing, newRevision, true);
  const minReadySeconds = minReadySecondsOf(plan.d);
  if (changed || (existing.spec?.minReadySeconds ?? 0) !== minReadySeconds) {
    const updated: ReplicaSet = {
      ...existing,
      metadata: { ...existing.metadata, annotations },
      spec: { ...existing.spec, minReadySeconds },
    };
    plan.update(updated);
    return { newRS: updated, oldRSs: allOldRSs };
  }
  let needsUpdate = plan.setRevision(existing.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
  if (hasProgressDeadline(plan.d) && !getDeploymentCondition(plan.d.status, PROGRESSING)) {
    const message = `Found new replica set "${existing.metadata.name}"`;
    const condition = newDeploymentCondition(PROGRESSING, 'True', Reasons.foundNewReplicaSet, message, plan.now);
    plan.d = { ...plan.d, status: { ...plan.d.status, conditions: setDeploymentCondition(plan.d.status?.conditions ?? [], condition) } };
    needsUpdate = true;
  }
  if (needsUpdate) plan.writeStatus(plan.d.status ?? {});
  return { newRS: existing, oldRSs: allOldRSs };
}

/**
 * Creates the new ReplicaSet (revision max old + 1), records the revision and
 * Progressing=True/NewReplicaSetCreated. A different object already holding the name is
 * a hash collision: collisionCount is bumped and the sync stops (undefined). An identical
 * one of ours is simply used. `namespaceRSs` are all ReplicaSets in the namespace.
 */
export function createNewReplicaSet(plan: SyncPlan, oldRSs: readonly ReplicaSet[], namespaceRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  const newRevision = maxRevision(oldRSs) + 1;
  const draft = buildNewReplicaSet(plan.d, oldRSs, newRevision);
  const clash = namespaceRSs.find((rs) => rs.metadata.name === draft.metadata.name);
  let created = draft;
  if (clash) {
    if (!isControlledBy(clash, plan.d) || !equalIgnoreHash(plan.d.spec?.template, clash.spec?.template)) {
      plan.writeStatus(collisionStatus(plan.d));
      plan.stopped = true;
      return undefined;
    }
    created = clash;
  } else {
    plan.push({ type: 'createReplicaSet', replicaSet: draft });
    const replicas = specReplicasOf(draft);
    if (replicas > 0) plan.event('Normal', 'ScalingReplicaSet', `Scaled up replica set ${draft.metadata.name} from 0 to ${replicas}`);
  }
  let needsUpdate = plan.setRevision(String(newRevision));
  if (!clash && hasProgressDeadline(plan.d)) {
    const message = `Created new replica set "${created.metadata.name}"`;
    const condition = newDeploymentCondition(PROGRESSING, 'True', Reasons.newReplicaSetCreated, message, plan.now);
    plan.d = { ...plan.d, status: { ...plan.d.status, conditions: setDeploymentCondition(plan.d.status?.conditions ?? [], condition) } };
    needsUpdate = true;
  }
  if (needsUpdate) plan.writeStatus(plan.d.status ?? {});
  return created;
}
