// syncDaemonSet (pkg/controller/daemon/daemon_controller.go), pure: given the DaemonSet, the
// nodes, its pods and its current revision hash, what to create, delete and report.
import type { ControllerRevision, DaemonSet, DaemonSetStatus, Node, Pod } from '@wheelhouse/model';
import { CONTROLLER_REVISION_HASH_LABEL, revisionsToDelete } from '../common/history/history.js';
import { isPodAvailable, isPodReady, podReadyCondition } from '../common/pod-predicates.js';
import { timeOf } from '../common/time.js';
import { newDaemonPod } from './daemon-pod.js';
import type { BackoffEntry } from './failed-pod-backoff.js';
import { manage, type DaemonEvent } from './manage.js';
import { podsByNode } from './pods-by-node.js';
import { rollingUpdate } from './rolling-update.js';
import { calculateStatus, statusChanged } from './status.js';

export interface DecideInput {
  ds: DaemonSet;
  nodes: readonly Node[];
  /** The pods this DaemonSet controls. */
  pods: readonly Pod[];
  /** The current revision's hash (the controller-revision-hash of new pods). */
  hash: string;
  /** The revisions of earlier templates (for the history limit). */
  oldRevisions: readonly ControllerRevision[];
  /** Every create and delete of the last sync has been seen in the cache. */
  expectationsSatisfied: boolean;
  now: Date;
  backoff: (key: string) => BackoffEntry | undefined;
}

export type DaemonSetAction =
  | { type: 'create'; pods: Pod[] }
  | { type: 'delete'; pods: Pod[] }
  | ({ type: 'event' } & DaemonEvent)
  | { type: 'backoff'; keys: string[] }
  | { type: 'deleteRevisions'; revisions: ControllerRevision[] }
  | { type: 'status'; status: DaemonSetStatus }
  | { type: 'requeueAfter'; ms: number };

export function decideDaemonSet(input: DecideInput): DaemonSetAction[] {
  const { ds, nodes, hash, now } = input;
  if (ds.metadata.deletionTimestamp) return [];
  const byNode = podsByNode(input.pods);
  const actions: DaemonSetAction[] = [];
  let requeue: number | undefined;
  if (input.expectationsSatisfied) {
    const plan = manage({ ds, nodes, podsByNode: byNode, hash, now, backoff: input.backoff });
    requeue = plan.requeueAfterMs;
    let create = plan.create;
    let remove = plan.delete;
    // The manage loop's changes must be seen before a rolling update builds on them.
    if (create.length === 0 && remove.length === 0 && ds.spec?.updateStrategy?.type === 'RollingUpdate') {
      const update = rollingUpdate({ ds, nodes, podsByNode: byNode, hash, now });
      create = update.create;
      remove = update.delete;
    }
    for (const e of plan.events) actions.push({ type: 'event', ...e });
    if (plan.backoffNext.length > 0) actions.push({ type: 'backoff', keys: plan.backoffNext });
    if (remove.length > 0) actions.push({ type: 'delete', pods: remove });
    if (create.length > 0) actions.push({ type: 'create', pods: create.map((node) => newDaemonPod(ds, node, hash)) });
    const live = new Set(input.pods.map((p) => p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '').filter(Boolean));
    const stale = revisionsToDelete(input.oldRevisions, ds.spec?.revisionHistoryLimit ?? 10, live);
    if (stale.length > 0) actions.push({ type: 'deleteRevisions', revisions: stale });
  }
  const status = calculateStatus({ ds, nodes, podsByNode: byNode, hash, now, updateObservedGeneration: input.expectationsSatisfied });
  if (statusChanged(ds.status, status)) actions.push({ type: 'status', status });
  // A pod that is Ready but not yet available for minReadySeconds changes the plan when it
  // becomes available (a surge pod replaces its old pod then): look again at that moment,
  // as upstream's pod handler does (MinReadySeconds + 1 s after a pod turns Ready).
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const soon = untilAvailable(input.pods, minReady, now);
  if (soon !== undefined) requeue = Math.min(requeue ?? Number.POSITIVE_INFINITY, soon);
  // And the last line of defence against clock skew: look again once minReadySeconds have passed.
  if (minReady > 0 && status.numberReady !== status.numberAvailable) requeue = Math.min(requeue ?? Number.POSITIVE_INFINITY, minReady * 1000);
  if (requeue !== undefined) actions.push({ type: 'requeueAfter', ms: requeue });
  return actions;
}

/** Milliseconds until the first Ready-but-not-yet-available pod becomes available (plus a second of slack), if any. */
function untilAvailable(pods: readonly Pod[], minReadySeconds: number, now: Date): number | undefined {
  if (minReadySeconds <= 0) return undefined;
  let soonest: number | undefined;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp || !isPodReady(pod) || isPodAvailable(pod, minReadySeconds, now)) continue;
    const since = timeOf(podReadyCondition(pod)?.lastTransitionTime);
    if (since === undefined) continue;
    const wait = Math.max(since + minReadySeconds * 1000 - now.getTime(), 0) + 1000;
    soonest = soonest === undefined ? wait : Math.min(soonest, wait);
  }
  return soonest;
}
