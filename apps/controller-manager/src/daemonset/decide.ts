// syncDaemonSet (pkg/controller/daemon/daemon_controller.go), pure: given the DaemonSet, the
// nodes, its pods and its current revision hash, what to create, delete and report.
import type { ControllerRevision, DaemonSet, DaemonSetStatus, Node, Pod } from '@wheelhouse/model';
import { CONTROLLER_REVISION_HASH_LABEL, revisionsToDelete } from '../common/history/history.js';
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
  // A last line of defence against clock skew: look again once minReadySeconds have passed.
  const minReady = ds.spec?.minReadySeconds ?? 0;
  if (minReady > 0 && status.numberReady !== status.numberAvailable) requeue = Math.min(requeue ?? Number.POSITIVE_INFINITY, minReady * 1000);
  if (requeue !== undefined) actions.push({ type: 'requeueAfter', ms: requeue });
  return actions;
}
