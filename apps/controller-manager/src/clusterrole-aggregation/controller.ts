import { WorkQueue, done, keyOf, runController } from '@wheelhouse/controller-runtime';
import { isNotFound } from '@wheelhouse/client';
import { aggregatedRules, type AggregatableRole } from '@wheelhouse/resources';
import type { ManagerContext, PreparedController } from '../runtime/context.js';

/**
 * kube-controller-manager's clusterrole-aggregation controller: a ClusterRole with an
 * aggregationRule gets the union of the rules of the ClusterRoles its selectors match.
 * Any ClusterRole change may change any aggregate, so every aggregated role is queued.
 * The write carries the cached resourceVersion: a role changed meanwhile is recomputed.
 */
export function clusterRoleAggregationController(ctx: ManagerContext): PreparedController {
  const name = 'clusterrole-aggregation-controller';
  const roles = ctx.informers.informerFor('ClusterRole');
  const queue = new WorkQueue();
  const enqueueAggregated = () => {
    for (const role of roles.list()) if (role.aggregationRule) queue.add(keyOf(role));
  };
  roles.addEventHandler({ onAdd: enqueueAggregated, onUpdate: enqueueAggregated, onDelete: enqueueAggregated });

  const reconcile = async (key: string) => {
    const role = roles.get(key);
    if (!role) return done();
    const rules = aggregatedRules(role as AggregatableRole, roles.list() as AggregatableRole[]);
    if (!rules) return done();
    try {
      await ctx.clientset.clusterRoles.patch(
        { name: role.metadata.name ?? '' },
        { metadata: { resourceVersion: role.metadata.resourceVersion }, rules },
        { select: 'metadata { name }' },
      );
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    return done();
  };
  return { name, run: () => runController({ name, queue, workers: 1, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) }) };
}
