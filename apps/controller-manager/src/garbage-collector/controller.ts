import { hasCode } from '@wheelhouse/client';
import { WorkQueue, done, requeueAfter, runController, type Informer } from '@wheelhouse/controller-runtime';
import { kindIdentity, type KindName, type KubeObject } from '@wheelhouse/model';
import type { ManagerContext, PreparedController } from '../runtime/context.js';
import { collectedKinds, collectorScope } from './kinds.js';
import { decideDependent, decideOwnerDeletion, FOREGROUND_FINALIZER, type GcAction, type GcObject, type ObjectRef } from './decide.js';

/**
 * The garbage collector: deletes dependents whose owners are gone, orphans or
 * foreground-deletes dependents of owners being deleted with those policies. It sees
 * every kind that can own or be owned (kinds.ts: the catalogue's) through the shared informers.
 */
export function garbageCollector(ctx: ManagerContext, workers = 2): PreparedController {
  const name = 'garbage-collector';
  const informers = new Map<string, Informer<KubeObject>>(collectedKinds().map((kind) => [kind, ctx.informers.informerFor(kind, collectorScope(kind))]));
  const byUid = new Map<string, { kind: string; object: KubeObject }>();
  const queue = new WorkQueue();
  const keyFor = (kind: string, o: KubeObject) => `${kind}|${o.metadata.namespace ?? ''}|${o.metadata.name}`;
  const dependentsOf = (uid: string) => [...informers].flatMap(([kind, inf]) => inf.byOwner(uid).map((o) => ({ kind, o })));

  for (const [kind, informer] of informers) {
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
          const owner = byUid.get(ref.uid ?? '');
          if (owner) queue.add(keyFor(owner.kind, owner.object));
        }
      },
    });
  }

  const reconcile = async (key: string) => {
    const [kind, namespace, objectName] = key.split('|') as [string, string, string];
    const object = informers.get(kind)?.get(namespace ? `${namespace}/${objectName}` : objectName);
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
      const kind = kindIdentity(ref.kind);
      // A kind this API does not serve (a DaemonSet before there are DaemonSets) cannot be
      // looked up: leave its dependents alone, as Kubernetes' collector does without a REST mapping.
      if (!kind) return [];
      const live = await ctx.clientset.kind(kind.kind as KindName).get({ namespace: object.namespace, name: ref.name }, { select: 'metadata { uid }' });
      if (live?.metadata.uid === ref.uid) return []; // the owner exists: our cache was behind
    }
    return actions;
  };

  const act = async (action: Exclude<GcAction, { type: 'wait' }>) => {
    const target = action.target;
    const client = ctx.clientset.kind(target.kind as KindName);
    if (action.type === 'delete') {
      await client.delete(target, { propagationPolicy: action.propagationPolicy, select: 'metadata { name }' }).catch(ignoreNotFound);
      return;
    }
    const current = byUid.get(target.uid)?.object;
    if (!current) return; // gone meanwhile: nothing left to patch
    const metadata =
      action.type === 'removeOwnerReferences'
        ? { ownerReferences: (current.metadata.ownerReferences ?? []).filter((r) => !action.ownerUids.includes(r.uid ?? '')) }
        : { finalizers: (current.metadata.finalizers ?? []).filter((f) => f !== action.finalizer) };
    await client.patch(target, { metadata: { ...metadata, resourceVersion: current.metadata.resourceVersion } }, { select: 'metadata { name }' }).catch(ignoreNotFound);
  };

  return { name, run: () => runController({ name, queue, workers, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) }) };
}

function toGc(kind: string, o: KubeObject): GcObject {
  return {
    kind,
    namespace: o.metadata.namespace ?? undefined,
    name: o.metadata.name!,
    uid: o.metadata.uid!,
    ownerReferences: (o.metadata.ownerReferences ?? []).map((r) => ({ ...r, apiVersion: r.apiVersion ?? '', kind: r.kind ?? '', name: r.name ?? '', uid: r.uid ?? '' })),
    finalizers: o.metadata.finalizers ?? [],
    deletionTimestamp: o.metadata.deletionTimestamp,
  };
}

function ignoreNotFound(error: unknown): void {
  if (!hasCode(error, 'NOT_FOUND')) throw error;
}

export type { ObjectRef };
