// syncDeployment as a pure decision (deployment_controller.go, sync.go, rolling.go,
// recreate.go, rollback.go, progress.go): what to write, in order, for one Deployment.
import { labelSelectorToSelector, matches, type Selector } from '@wheelhouse/selectors';
import { claimObjects } from '../common/claim.js';
import { controllerRef, newControllerRef } from '../common/owner-references.js';
import type { Deployment, Pod, ReplicaSet } from '@wheelhouse/model';
import type { DeploymentAction } from './actions.js';
import { Reasons } from './annotations.js';
import { cleanupPolicy } from './cleanup.js';
import { DEPLOYMENT_KIND } from './new-replica-set.js';
import { deploymentComplete, pausedConditionStatus, progressCheckDelay, rolloutStatus } from './progress.js';
import { proportionalScale } from './proportional-scaling.js';
import { oldPodsRunning, scaleDownOldReplicaSetsForRecreate, scaleUpNewReplicaSetForRecreate } from './recreate.js';
import { desiredReplicasAnnotationOf } from './replica-set-annotations.js';
import { filterActiveReplicaSets } from './replica-sets.js';
import { lastRevision } from './revisions.js';
import { rollbackRevisionOf, rollbackTarget, rollbackToTemplate, withoutRollbackRequest } from './rollback.js';
import { reconcileNewReplicaSet, reconcileOldReplicaSets } from './rolling-update.js';
import { isRollingUpdate, replicasOf } from './spec.js';
import { calculateStatus } from './status.js';
import { SyncPlan } from './sync-plan.js';
import { createNewReplicaSet, syncRevision, type SyncedReplicaSets } from './sync-revision.js';

export interface DeploymentState {
  deployment: Deployment;
  /** Every ReplicaSet in the namespace (orphans and other owners' included). */
  replicaSets: readonly ReplicaSet[];
  /**
   * Pods of the namespace (Recreate waits until the old ones are gone): at least those
   * controlled by a ReplicaSet the Deployment controls or could adopt (candidatePods).
   */
  pods: readonly Pod[];
  now: Date;
}

/**
 * The actions of one sync, to run in order, stopping at the first failure. One
 * deliberate difference: Kubernetes recomputes the new ReplicaSet's annotation and
 * revision writes up to twice per sync (the second from a stale cache, which then fails
 * with a conflict); here they are decided once. An invalid selector decides nothing.
 */
export function decideDeployment(state: DeploymentState): DeploymentAction[] {
  const plan = new SyncPlan(structuredClone(state.deployment), state.now);
  const d = plan.d;
  if (selectsEverything(d)) {
    plan.event('Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
    const generation = d.metadata.generation ?? 0;
    if ((d.status?.observedGeneration ?? 0) < generation) plan.writeStatus({ ...d.status, observedGeneration: generation });
    return plan.actions;
  }
  let selector: Selector;
  try {
    selector = labelSelectorToSelector(d.spec?.selector);
  } catch {
    return [];
  }

  // getReplicaSetsForDeployment: adopt matching orphans, release what stopped matching.
  const namespaceRSs = state.replicaSets.filter((rs) => rs.metadata.namespace === d.metadata.namespace);
  const claim = claimObjects(d, selector, namespaceRSs);
  const ownerReference = newControllerRef(d, DEPLOYMENT_KIND);
  for (const rs of claim.adopt) plan.push({ type: 'adoptReplicaSet', replicaSet: rs, ownerReference });
  for (const rs of claim.release) plan.push({ type: 'releaseReplicaSet', replicaSet: rs, ownerUid: d.metadata.uid ?? '' });
  const sync: SyncContext = { plan, owned: claim.claimed, namespaceRSs, pods: podsOf(d, selector, claim.claimed, state.pods) };

  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = syncRevision(plan, sync.owned);
    plan.writeStatusIfChanged(calculateStatus([...oldRSs, newRS], newRS, plan.d, plan.now));
    return plan.actions;
  }

  // Record pausing/resuming so time spent paused never counts against the deadline.
  const paused = pausedConditionStatus(plan.d, plan.now);
  if (paused) plan.writeStatus(paused);

  if (plan.d.spec?.paused) {
    scaleAndSyncStatus(sync, syncRevision(plan, sync.owned));
  } else if (rollbackRevisionOf(plan.d) !== undefined) {
    rollback(sync);
  } else {
    const synced = syncRevision(plan, sync.owned);
    if (isScalingEvent(plan.d, synced)) scaleAndSyncStatus(sync, synced);
    else if (isRollingUpdate(plan.d)) rolloutRolling(sync, synced);
    else if (plan.d.spec?.strategy?.type === 'Recreate') rolloutRecreate(sync, synced);
  }
  return plan.actions;
}

interface SyncContext {
  plan: SyncPlan;
  /** The ReplicaSets this Deployment owns after claiming. */
  owned: ReplicaSet[];
  namespaceRSs: ReplicaSet[];
  /** Pods the Deployment selects that belong to one of its ReplicaSets (the podMap). */
  pods: Pod[];
}

// A selector of {} would select every pod in the namespace: refused, as in Kubernetes.
function selectsEverything(d: Deployment): boolean {
  const selector = d.spec?.selector;
  return selector != null && Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

function podsOf(d: Deployment, selector: Selector, owned: readonly ReplicaSet[], pods: readonly Pod[]): Pod[] {
  const uids = new Set(owned.map((rs) => rs.metadata.uid));
  return pods.filter((pod) => pod.metadata.namespace === d.metadata.namespace && matches(selector, pod.metadata.labels ?? {}) && uids.has(controllerRef(pod)?.uid));
}

/** An active ReplicaSet was last scaled for a different spec.replicas: the user scaled. */
function isScalingEvent(d: Deployment, { newRS, oldRSs }: SyncedReplicaSets): boolean {
  return filterActiveReplicaSets([...oldRSs, newRS]).some((rs) => {
    const desired = desiredReplicasAnnotationOf(rs);
    return desired !== undefined && desired !== replicasOf(d);
  });
}

// `sync`: proportional scaling for scaling events and paused Deployments.
function scaleAndSyncStatus({ plan }: SyncContext, { newRS, oldRSs }: SyncedReplicaSets): void {
  if (plan.stopped) return;
  plan.scaleAll(proportionalScale(plan.d, newRS, oldRSs));
  if (plan.d.spec?.paused && rollbackRevisionOf(plan.d) === undefined) cleanup(plan, oldRSs);
  plan.writeStatusIfChanged(calculateStatus([...oldRSs, newRS], newRS, plan.d, plan.now));
}

function rolloutRolling(sync: SyncContext, synced: SyncedReplicaSets): void {
  const { plan } = sync;
  const newRS = synced.newRS ?? createNewReplicaSet(plan, synced.oldRSs, sync.namespaceRSs);
  if (plan.stopped || !newRS) return;
  const oldRSs = synced.oldRSs;
  const allRSs = [...oldRSs, newRS];

  const scaleUp = reconcileNewReplicaSet(plan.d, allRSs, newRS);
  if (scaleUp && plan.scale(scaleUp)) {
    syncRolloutStatus(plan, allRSs, newRS);
    return;
  }

  const { scales, scaledDown } = reconcileOldReplicaSets(plan.d, allRSs, filterActiveReplicaSets(oldRSs), newRS);
  plan.scaleAll(scales);
  if (scaledDown) {
    syncRolloutStatus(plan, allRSs, newRS);
    return;
  }

  if (deploymentComplete(plan.d, plan.d.status ?? {})) cleanup(plan, oldRSs);
  syncRolloutStatus(plan, allRSs, newRS);
}

function rolloutRecreate(sync: SyncContext, synced: SyncedReplicaSets): void {
  const { plan } = sync;
  let { newRS } = synced;
  const { oldRSs } = synced;
  let allRSs = [...oldRSs, newRS];

  if (plan.scaleAll(scaleDownOldReplicaSetsForRecreate(filterActiveReplicaSets(oldRSs))) || oldPodsRunning(newRS, oldRSs, sync.owned, sync.pods)) {
    syncRolloutStatus(plan, allRSs, newRS);
    return;
  }

  if (!newRS) {
    newRS = createNewReplicaSet(plan, oldRSs, sync.namespaceRSs);
    if (plan.stopped || !newRS) return;
    allRSs = [...oldRSs, newRS];
  }
  const scaleUp = scaleUpNewReplicaSetForRecreate(plan.d, newRS);
  if (scaleUp) plan.scale(scaleUp);

  if (deploymentComplete(plan.d, plan.d.status ?? {})) cleanup(plan, oldRSs);
  syncRolloutStatus(plan, allRSs, newRS);
}

function rollback(sync: SyncContext): void {
  const { plan } = sync;
  const synced = syncRevision(plan, sync.owned);
  const newRS = synced.newRS ?? createNewReplicaSet(plan, synced.oldRSs, sync.namespaceRSs);
  if (plan.stopped) return;
  const allRSs = [...synced.oldRSs, newRS];
  const name = plan.d.metadata.name;
  let revision = rollbackRevisionOf(plan.d)!;
  if (revision === 0) revision = lastRevision(allRSs);
  const target = revision === 0 ? undefined : rollbackTarget(allRSs, revision);
  if (!target) {
    const message = revision === 0 ? 'Unable to find last revision.' : 'Unable to find the revision to rollback to.';
    plan.event('Warning', Reasons.rollbackRevisionNotFound, message);
    plan.push({ type: 'updateDeployment', deployment: withoutRollbackRequest(plan.d) });
    return;
  }
  const { deployment, performed } = rollbackToTemplate(plan.d, target);
  if (!performed) {
    plan.event('Warning', Reasons.rollbackTemplateUnchanged, `The rollback revision contains the same template as current deployment "${name}"`);
  }
  plan.push({ type: 'updateDeployment', deployment });
  if (performed) plan.event('Normal', Reasons.rollbackDone, `Rolled back deployment "${name}" to revision ${revision}`);
}

// syncRolloutStatus: write the new status, or, with nothing new, schedule the deadline check.
function syncRolloutStatus(plan: SyncPlan, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
  const status = rolloutStatus(allRSs, newRS, plan.d, plan.now);
  if (plan.writeStatusIfChanged(status)) return;
  const delay = progressCheckDelay(plan.d, status, plan.now);
  // A second of slack against clock skew, as Kubernetes adds when queueing.
  if (delay !== undefined) plan.push({ type: 'requeueAfter', milliseconds: delay === 0 ? 0 : delay + 1000 });
}

function cleanup(plan: SyncPlan, oldRSs: readonly ReplicaSet[]): void {
  for (const rs of cleanupPolicy(plan.d, oldRSs)) plan.push({ type: 'deleteReplicaSet', replicaSet: rs });
}
