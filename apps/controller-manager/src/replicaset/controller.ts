import { Expectations, WorkQueue, controllerOf, done, keyOf, requeueAfter, runController, type ControllerHandle } from '@wheelhouse/controller-runtime';
import { isNotFound } from '@wheelhouse/client';
import type { ManagedObject, ManagerContext } from '../runtime/context.js';
import type { Pod } from '../common/types.js';
import { decideReplicaSet, type ReplicaSetAction } from './decide.js';
import type { ReplicaSetKind, ReplicaSetLike } from './kind.js';
import { slowStartCreate } from './slow-start-batch.js';
import { deletePods } from './delete-pods.js';
import { candidatePods, type PodIndex } from './candidate-pods.js';
import { podList } from './event-messages.js';

const CREATE_PODS = `mutation($ns: String, $inputs: [PodInput!]!) { createPods(namespace: $ns, inputs: $inputs) { metadata { name } } }`;
const PATCH_POD = `mutation($ns: String, $name: String!, $patch: JSONObject!) { patchPod(namespace: $ns, name: $name, patch: $patch) { metadata { name } } }`;
const DELETE_POD = `mutation($ns: String, $name: String!) { deletePod(namespace: $ns, name: $name) { metadata { name } } }`;

/**
 * The ReplicaSet controller (and, with kind ReplicationController, the RC one): watch
 * handlers only enqueue owner keys; reconcile reads the caches, asks decideReplicaSet,
 * and carries its actions out through the API.
 */
export function startReplicaSetController(ctx: ManagerContext, kind: ReplicaSetKind, workers = 4): ControllerHandle {
  const name = kind === 'ReplicaSet' ? 'replicaset-controller' : 'replicationcontroller-controller';
  const owners = kind === 'ReplicaSet' ? ctx.informers.replicaSets : ctx.informers.replicationControllers;
  const plural = kind === 'ReplicaSet' ? 'ReplicaSet' : 'ReplicationController';
  const queue = new WorkQueue();
  const expectations = new Expectations();
  const events = ctx.events(name);
  /** The last failed create or delete of each owner, for the ReplicaFailure condition; a successful one clears it. */
  const lastErrors = new Map<string, { op: 'create' | 'delete'; message: string }>();

  const enqueueOwner = (pod: ManagedObject) => {
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
  ctx.informers.pods.addEventHandler({
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
    const rs = owners.get(key) as ReplicaSetLike | undefined;
    if (!rs) {
      expectations.delete(key);
      return done();
    }
    const namespace = rs.metadata.namespace;
    const replicaSets = owners.list(namespace) as unknown as ReplicaSetLike[];
    const actions = decideReplicaSet({
      rs,
      kind,
      pods: candidatePods(ctx.informers.pods as unknown as PodIndex<Pod>, rs, kind, replicaSets),
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
    const involved = { apiVersion: rs.apiVersion, kind, namespace: ns, name: rs.metadata.name!, uid: rs.metadata.uid! };
    switch (action.type) {
      case 'adopt':
        await ctx.client.request(PATCH_POD, {
          ns,
          name: action.pod.metadata.name,
          patch: { metadata: { resourceVersion: action.pod.metadata.resourceVersion, ownerReferences: [...(action.pod.metadata.ownerReferences ?? []), action.ownerReference] } },
        });
        return;
      case 'release':
        await ctx.client.request(PATCH_POD, {
          ns,
          name: action.pod.metadata.name,
          patch: {
            metadata: {
              resourceVersion: action.pod.metadata.resourceVersion,
              ownerReferences: (action.pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== action.ownerUid),
            },
          },
        });
        return;
      case 'create': {
        // One bulk createPods per slow-start batch (all or nothing), expectations raised first.
        const result = await slowStartCreate(expectations, key, action.batches, async (size) => {
          const { createPods } = await ctx.client.request<{ createPods: { metadata: { name: string } }[] }>(CREATE_PODS, {
            ns,
            inputs: Array.from({ length: size }, () => action.pod),
          });
          return createPods;
        });
        // One event for the sync, not one per batch: each event costs the API two calls.
        const created = result.created.flat();
        if (created.length > 0) void events.record(involved, 'Normal', 'SuccessfulCreate', `Created ${podList(created.map((p) => p.metadata.name))}`);
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
        const result = await deletePods(expectations, key, action.pods, (pod) => ctx.client.request(DELETE_POD, { ns, name: pod.metadata.name }), isNotFound);
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
        await ctx.client.request(
          `mutation($ns: String, $name: String!, $input: ${plural}Input!) { replace${plural}Status(namespace: $ns, name: $name, input: $input) { metadata { name } } }`,
          {
            ns,
            name: rs.metadata.name,
            input: { metadata: { name: rs.metadata.name }, status: action.status },
          },
        );
        return;
    }
  };

  return runController({ name, queue, workers, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) });
}
