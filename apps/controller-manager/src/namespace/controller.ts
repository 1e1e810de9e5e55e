import { WorkQueue, done, requeueAfter, runController, type ControllerHandle } from '@wheelhouse/controller-runtime';
import type { ManagerContext } from '../runtime/context.js';
import { NAMESPACED_KINDS, operations } from '../runtime/kinds.js';
import { decideNamespace, type NamespacedRef } from './decide.js';

/** Empties a terminating namespace through the API, then finalizes it so the API removes it. */
export function startNamespaceController(ctx: ManagerContext): ControllerHandle {
  const name = 'namespace-controller';
  const queue = new WorkQueue();
  const enqueue = (o: { metadata: { name?: string; deletionTimestamp?: unknown } }) => {
    if (o.metadata.deletionTimestamp) queue.add(o.metadata.name!);
  };
  ctx.informers.namespaces.addEventHandler({ onAdd: enqueue, onUpdate: (_o, n) => enqueue(n) });

  const reconcile = async (namespace: string) => {
    const ns = ctx.informers.namespaces.get(namespace) as { metadata: { deletionTimestamp?: string }; spec?: { finalizers?: string[] } } | undefined;
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
        await ctx.client.request(`mutation($name: String!) { finalizeNamespace(name: $name, finalizers: []) { metadata { name } } }`, { name: namespace });
        return done();
      default:
        return done();
    }
  };

  const listContent = async (namespace: string): Promise<NamespacedRef[]> => {
    const query = `query($ns: String) { ${NAMESPACED_KINDS.map((k) => `${k.plural}: ${k.plural}(namespace: $ns) { items { metadata { name deletionTimestamp } } }`).join(' ')} }`;
    const data = await ctx.client.request<Record<string, { items: { metadata: { name: string; deletionTimestamp?: string | null } }[] }>>(query, { ns: namespace });
    return NAMESPACED_KINDS.flatMap((k) => data[k.plural]!.items.map((i) => ({ kind: k.kind, name: i.metadata.name, deleting: Boolean(i.metadata.deletionTimestamp) })));
  };

  const deleteObject = async (namespace: string, object: NamespacedRef) => {
    const kind = NAMESPACED_KINDS.find((k) => k.kind === object.kind)!;
    await ctx.client
      .request(`mutation($ns: String, $name: String!) { ${operations(kind).delete}(namespace: $ns, name: $name) { metadata { name } } }`, { ns: namespace, name: object.name })
      .catch((error: { code?: string }) => {
        if (error.code !== 'NOT_FOUND') throw error;
      });
  };

  return runController({ name, queue, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) });
}
