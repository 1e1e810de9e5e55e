import { WorkQueue, done, requeueAfter, runController, type ControllerHandle, type Informer } from '@wheelhouse/controller-runtime';
import type { ManagedObject, ManagerContext } from '../runtime/context.js';
import { kindNamed, operations } from '../runtime/kinds.js';
import { decideDependent, decideOwnerDeletion, FOREGROUND_FINALIZER, type GcAction, type GcObject, type ObjectRef } from './decide.js';

/**
 * The garbage collector: deletes dependents whose owners are gone, orphans or
 * foreground-deletes dependents of owners being deleted with those policies. It sees
 * every kind that can own or be owned through the manager's informers.
 */
export function startGarbageCollector(ctx: ManagerContext, workers = 2): ControllerHandle {
  const name = 'garbage-collector';
  const informers: Record<string, Informer<ManagedObject>> = {
    Pod: ctx.informers.pods,
    ReplicaSet: ctx.informers.replicaSets,
    ReplicationController: ctx.informers.replicationControllers,
    Deployment: ctx.informers.deployments,
    Job: ctx.informers.jobs,
  };
  const byUid = new Map<string, { kind: string; object: ManagedObject }>();
  const queue = new WorkQueue();
  const keyFor = (kind: string, o: ManagedObject) => `${kind}|${o.metadata.namespace ?? ''}|${o.metadata.name}`;
  const dependentsOf = (uid: string) => Object.entries(informers).flatMap(([kind, inf]) => inf.byOwner(uid).map((o) => ({ kind, o })));

  for (const [kind, informer] of Object.entries(informers)) {
    informer.addEventHandler({
      onAdd: (o) => {
        byUid.set(o.metadata.uid!, { kind, object: o });
        queue.add(keyFor(kind, o));
      },
      onUpdate: (_old, o) => {
        byUid.set(o.metadata.uid!, { kind, object: o });
        queue.add(keyFor(kind, o));
      },
      onDelete: (o) => {
        byUid.delete(o.metadata.uid!);
        // Its dependents may be orphans now; a foreground owner may be unblocked.
        for (const d of dependentsOf(o.metadata.uid!)) queue.add(keyFor(d.kind, d.o));
        for (const ref of o.metadata.ownerReferences ?? []) {
          const owner = byUid.get(ref.uid);
          if (owner) queue.add(keyFor(owner.kind, owner.object));
        }
      },
    });
  }

  const reconcile = async (key: string) => {
    const [kind, namespace, objectName] = key.split('|') as [string, string, string];
    const object = informers[kind]!.get(namespace ? `${namespace}/${objectName}` : objectName);
    if (!object) return done();
    const gcObject = toGc(kind, object);
    const dependents = dependentsOf(gcObject.uid).map((d) => toGc(d.kind, d.o));
    const actions = [...decideOwnerDeletion(gcObject, dependents), ...decideDependent(gcObject, (uid) => ownerState(uid))];
    // An owner missing from the caches may only be late in arriving: confirm with the API before deleting.
    const confirmed = await confirmAbsentOwners(gcObject, actions);
    for (const action of confirmed) {
      if (action.type === 'wait') return requeueAfter(1000);
      await act(action);
    }
    return done();
  };

  const ownerState = (uid: string): 'absent' | 'present' | 'deletingForeground' => {
    const owner = byUid.get(uid)?.object;
    if (!owner) return 'absent';
    return owner.metadata.deletionTimestamp && (owner.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER) ? 'deletingForeground' : 'present';
  };

  const confirmAbsentOwners = async (object: GcObject, actions: GcAction[]): Promise<GcAction[]> => {
    if (!actions.some((a) => a.type === 'delete' && a.target.uid === object.uid) && !actions.some((a) => a.type === 'removeOwnerReferences' && a.target.uid === object.uid))
      return actions;
    for (const ref of object.ownerReferences) {
      if (byUid.has(ref.uid)) continue;
      const kind = kindNamed(ref.kind);
      // A kind this API does not serve (a DaemonSet before there are DaemonSets) cannot be
      // looked up: leave its dependents alone, as Kubernetes' collector does without a REST mapping.
      if (!kind) return [];
      const { [kind.singular]: live } = await ctx.client.request<Record<string, { metadata: { uid: string } } | null>>(
        `query($ns: String, $name: String!) { ${kind.singular}(${kind.namespaced ? 'namespace: $ns, ' : ''}name: $name) { metadata { uid } } }`,
        { ns: object.namespace, name: ref.name },
      );
      if (live?.metadata.uid === ref.uid) return []; // the owner exists: our cache was behind
    }
    return actions;
  };

  const act = async (action: Exclude<GcAction, { type: 'wait' }>) => {
    const target = action.target;
    const kind = kindNamed(target.kind)!;
    const ops = operations(kind);
    const args = kind.namespaced ? '$ns: String, ' : '';
    const nsArg = kind.namespaced ? 'namespace: $ns, ' : '';
    if (action.type === 'delete') {
      await ctx.client
        .request(`mutation(${args}$name: String!, $policy: DeletionPropagation) { ${ops.delete}(${nsArg}name: $name, propagationPolicy: $policy) { metadata { name } } }`, {
          ns: target.namespace,
          name: target.name,
          policy: action.propagationPolicy,
        })
        .catch(ignoreNotFound);
      return;
    }
    const current = (byUid.get(target.uid)?.object ?? target) as ManagedObject;
    const metadata =
      action.type === 'removeOwnerReferences'
        ? { ownerReferences: (current.metadata.ownerReferences ?? []).filter((r) => !action.ownerUids.includes(r.uid ?? '')) }
        : { finalizers: (current.metadata.finalizers ?? []).filter((f) => f !== action.finalizer) };
    await ctx.client
      .request(`mutation(${args}$name: String!, $patch: JSONObject!) { ${ops.patch}(${nsArg}name: $name, patch: $patch) { metadata { name } } }`, {
        ns: target.namespace,
        name: target.name,
        patch: { metadata: { ...metadata, resourceVersion: current.metadata.resourceVersion } },
      })
      .catch(ignoreNotFound);
  };

  return runController({ name, queue, workers, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) });
}

function toGc(kind: string, o: ManagedObject): GcObject {
  return {
    kind,
    namespace: o.metadata.namespace ?? undefined,
    name: o.metadata.name!,
    uid: o.metadata.uid!,
    ownerReferences: (o.metadata.ownerReferences ?? []) as GcObject['ownerReferences'],
    finalizers: (o.metadata.finalizers ?? []) as string[],
    deletionTimestamp: (o.metadata.deletionTimestamp as string | undefined) ?? undefined,
  };
}

function ignoreNotFound(error: unknown): void {
  if ((error as { code?: string }).code !== 'NOT_FOUND') throw error;
}

export type { ObjectRef };
