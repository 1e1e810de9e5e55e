import { Expectations, WorkQueue, controllerOf, done, keyOf, requeueAfter, runController, type Informer } from '@wheelhouse/controller-runtime';
import { isNotFound } from '@wheelhouse/client';
import type { Pod } from '@wheelhouse/model';
import type { ManagerContext, PreparedController } from '../runtime/context.js';
import { involvedObject } from '../runtime/involved.js';
import { decideReplicaSet, type ReplicaSetAction } from './decide.js';
import { CONTROLLER_KINDS, type ReplicaSetKind, type ReplicaSetLike } from './kind.js';
import { slowStartCreate } from './slow-start-batch.js';
import { deletePods } from './delete-pods.js';
import { candidatePods } from './candidate-pods.js';
import { podList } from './event-messages.js';

/** What a write's answer needs to hold: the controller reads back nothing but names. */
const NAME_ONLY = { select: 'metadata { name }' };

/**
 * The ReplicaSet controller (and, with kind ReplicationController, the RC one): watch
 * handlers only enqueue owner keys; reconcile reads the caches, asks decideReplicaSet,
 * and carries its actions out through the API.
 */
export function replicaSetController(ctx: ManagerContext, kind: ReplicaSetKind): PreparedController {
  const name = kind === 'ReplicaSet' ? 'replicaset-controller' : 'replicationcontroller-controller';
  const owners: Informer<ReplicaSetLike> = ctx.informers.informerFor(kind);
  const pods = ctx.informers.informerFor('Pod');
  const ownerClient = ctx.clientset.kind(kind);
  const queue = new WorkQueue();
  const expectations = new Expectations();
  const events = ctx.events(name);
  /** The last failed create or delete of each owner, for the ReplicaFailure condition; a successful one clears it. */
  const lastErrors = new Map<string, { op: 'create' | 'delete'; message: string }>();

  const enqueueOwner = (pod: Pod) => {
    const ref = controllerOf(pod);
    if (ref && ref.kind === kind) {
      const key = pod.metadata.namespace ? `${pod.metadata.namespace}/${ref.name}` : (ref.name ?? '');
      queue.add(key);
      return key;
    }
    // An orphan: every controller of the namespace may want to adopt it.
    if (!ref) for (const owner of owners.list(pod.metadata.namespace)) queue.add(keyOf(owner));
    return undefined;
  };
  owners.addEventHandler({ onAdd: (o) => queue.add(keyOf(o)), onUpdate: (_o, n) => queue.add(keyOf(n)), onDelete: (o) => queue.add(keyOf(o)) });
  pods.addEventHandler({
    onAdd: (pod) => {
      const key = enqueueOwner(pod);
      if (key) expectations.creationObserved(key);
    },
    onUpdate: (old, pod) => {
      enqueueOwner(pod);
      if (controllerOf(old)?.uid !== controllerOf(pod)?.uid) enqueueOwner(old);
    },
    onDelete: (pod) => {
      const key = enqueueOwner(pod);
      if (key) expectations.deletionObserved(key, pod.metadata.uid ?? '');
    },
  });

  const reconcile = async (key: string) => {
    const rs = owners.get(key);
    if (!rs) {
      expectations.delete(key);
      return done();
    }
    const namespace = rs.metadata.namespace;
    const replicaSets = owners.list(namespace);
    const actions = decideReplicaSet({
      rs,
      kind,
      pods: candidatePods(pods, rs, kind, replicaSets),
      replicaSets,
      expectationsSatisfied: expectations.satisfied(key),
      lastCreateError: lastErrors.get(key)?.op === 'create' ? lastErrors.get(key)!.message : undefined,
      lastDeleteError: lastErrors.get(key)?.op === 'delete' ? lastErrors.get(key)!.message : undefined,
      now: ctx.now(),
    });
    let after: number | undefined;
    for (const action of actions) {
      if (action.type === 'requeueAfter') after = action.seconds * 1000;
      else await act(action, key, rs);
    }
    return after !== undefined ? requeueAfter(after) : done();
  };

  const act = async (action: Exclude<ReplicaSetAction, { type: 'requeueAfter' }>, key: string, rs: ReplicaSetLike) => {
    const ns = rs.metadata.namespace;
    const involved = involvedObject(rs, CONTROLLER_KINDS[kind]);
    switch (action.type) {
      case 'adopt':
        await ctx.clientset.pods.patch(
          action.pod.metadata,
          { metadata: { resourceVersion: action.pod.metadata.resourceVersion, ownerReferences: [...(action.pod.metadata.ownerReferences ?? []), action.ownerReference] } },
          NAME_ONLY,
        );
        return;
      case 'release':
        await ctx.clientset.pods.patch(
          action.pod.metadata,
          {
            metadata: {
              resourceVersion: action.pod.metadata.resourceVersion,
              ownerReferences: (action.pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== action.ownerUid),
            },
          },
          NAME_ONLY,
        );
        return;
      case 'create': {
        // One bulk createPods per slow-start batch (all or nothing), expectations raised first.
        const result = await slowStartCreate(expectations, key, action.batches, (size) =>
          ctx.clientset.pods.createMany(
            Array.from({ length: size }, () => action.pod),
            { ...NAME_ONLY, namespace: ns },
          ),
        );
        // One event for the sync, not one per batch: each event costs the API two calls.
        const created = result.created.flat();
        if (created.length > 0) void events.record(involved, 'Normal', 'SuccessfulCreate', `Created ${podList(created.map((p) => p.metadata.name ?? ''))}`);
        if (result.error === undefined) {
          lastErrors.delete(key);
          return;
        }
        const message = (result.error as Error).message;
        lastErrors.set(key, { op: 'create', message });
        void events.record(involved, 'Warning', 'FailedCreate', `Error creating: ${message}`);
        throw result.error;
      }
      case 'delete': {
        // No bulk pod delete in the API: concurrent single calls, but one event for the lot
        // (an event per pod cost two more API calls per pod deleted).
        const result = await deletePods(expectations, key, action.pods, (pod) => ctx.clientset.pods.delete(pod.metadata, NAME_ONLY), isNotFound);
        if (result.deleted.length > 0) {
          void events.record(involved, 'Normal', 'SuccessfulDelete', `Deleted ${podList(result.deleted.map((p) => p.metadata.name ?? ''))}`);
        }
        if (result.error === undefined) {
          lastErrors.delete(key);
          return;
        }
        const message = (result.error as Error).message;
        lastErrors.set(key, { op: 'delete', message });
        void events.record(involved, 'Warning', 'FailedDelete', `Error deleting: ${message}`);
        throw result.error;
      }
      case 'status':
        // A replace, not a merge patch: conditions that cleared must go.
        await ownerClient.replaceStatus({ metadata: { name: rs.metadata.name, namespace: ns }, status: action.status }, NAME_ONLY);
        return;
    }
  };

  return {
    name,
    run: () => runController({ name, queue, workers: ctx.settings.workers, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) }),
  };
}
