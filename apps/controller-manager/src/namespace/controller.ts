import { hasCode } from '@wheelhouse/client';
import { WorkQueue, done, requeueAfter, runController } from '@wheelhouse/controller-runtime';
import { KIND_LIST, type KindName, type Namespace } from '@wheelhouse/model';
import type { ManagerContext, PreparedController } from '../runtime/context.js';
import { decideNamespace, type NamespacedRef } from './decide.js';

/** Every namespaced kind of the catalogue: what a terminating namespace must be emptied of. */
const NAMESPACED_KINDS = KIND_LIST.filter((k) => k.namespaced).map((k) => k.kind as KindName);

/** Empties a terminating namespace through the API, then finalizes it so the API removes it. */
export function namespaceController(ctx: ManagerContext): PreparedController {
  const name = 'namespace-controller';
  const queue = new WorkQueue();
  const namespaces = ctx.informers.informerFor('Namespace');
  const enqueue = (o: Namespace) => {
    if (o.metadata.deletionTimestamp && o.metadata.name) queue.add(o.metadata.name);
  };
  namespaces.addEventHandler({ onAdd: enqueue, onUpdate: (_o, n) => enqueue(n) });

  const reconcile = async (namespace: string) => {
    const ns = namespaces.get(namespace);
    if (!ns) return done();
    const content = await listContent(namespace);
    const action = decideNamespace({ terminating: Boolean(ns.metadata.deletionTimestamp), specFinalizers: ns.spec?.finalizers ?? [] }, content);
    switch (action.type) {
      case 'deleteContent':
        await Promise.all(action.objects.map((o) => deleteObject(namespace, o)));
        return requeueAfter(500);
      case 'waitForContent':
        return requeueAfter(1000);
      case 'finalize':
        await ctx.clientset.ops.mutate('finalizeNamespace', { name: namespace, finalizers: [] }, { select: 'metadata { name }' });
        return done();
      default:
        return done();
    }
  };

  const listContent = async (namespace: string): Promise<NamespacedRef[]> => {
    const lists = await Promise.all(
      NAMESPACED_KINDS.map(async (kind) => {
        const { items } = await ctx.clientset.kind(kind).listAll({ namespace, select: 'metadata { name deletionTimestamp }' });
        return items.map((i) => ({ kind, name: i.metadata.name ?? '', deleting: Boolean(i.metadata.deletionTimestamp) }));
      }),
    );
    return lists.flat();
  };

  const deleteObject = async (namespace: string, object: NamespacedRef) => {
    await ctx.clientset
      .kind(object.kind as KindName)
      .delete({ namespace, name: object.name }, { select: 'metadata { name }' })
      .catch((error: unknown) => {
        if (!hasCode(error, 'NOT_FOUND')) throw error;
      });
  };

  return { name, run: () => runController({ name, queue, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) }) };
}
