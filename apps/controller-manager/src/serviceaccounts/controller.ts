import { WorkQueue, done, runController } from '@wheelhouse/controller-runtime';
import { isAlreadyExists } from '@wheelhouse/client';
import type { ManagerContext, PreparedController } from '../runtime/context.js';
import { MANAGED_SERVICE_ACCOUNTS, serviceAccountsToCreate } from './decide.js';

/**
 * kube-controller-manager's serviceaccount controller: every active namespace has a
 * `default` ServiceAccount, recreated if deleted. Keys are namespace names.
 */
export function serviceAccountsController(ctx: ManagerContext): PreparedController {
  const name = 'serviceaccount-controller';
  const namespaces = ctx.informers.informerFor('Namespace');
  const accounts = ctx.informers.informerFor('ServiceAccount');
  const queue = new WorkQueue();
  const enqueueNamespace = (ns: { metadata: { name?: string | null } }) => queue.add(ns.metadata.name ?? '');
  namespaces.addEventHandler({ onAdd: enqueueNamespace, onUpdate: (_o, n) => enqueueNamespace(n) });
  accounts.addEventHandler({
    onDelete: (sa) => {
      if ((MANAGED_SERVICE_ACCOUNTS as readonly string[]).includes(sa.metadata.name ?? '')) queue.add(sa.metadata.namespace ?? '');
    },
  });

  const reconcile = async (namespace: string) => {
    const ns = namespaces.get(namespace);
    const existing = new Set(accounts.list(namespace).map((sa) => sa.metadata.name ?? ''));
    const view = ns ? { phase: ns.status?.phase, deletionTimestamp: ns.metadata.deletionTimestamp } : undefined;
    for (const account of serviceAccountsToCreate(view, existing)) {
      try {
        await ctx.clientset.serviceAccounts.create({ metadata: { name: account, namespace } }, { namespace, select: 'metadata { name }' });
      } catch (error) {
        if (!isAlreadyExists(error)) throw error;
      }
    }
    return done();
  };
  return { name, run: () => runController({ name, queue, workers: 2, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) }) };
}
