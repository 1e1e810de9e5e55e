import { type ControllerHandle, type Informer, WorkQueue, controllerOf, done, keyOf, requeueAfter, runController } from '@wheelhouse/controller-runtime';
import { isNotFound } from '@wheelhouse/client';
import { KIND_LIST, type KindName, type Pod, type PodDisruptionBudget } from '@wheelhouse/model';
import { labelSelectorToSelector, matches } from '@wheelhouse/selectors';
import type { ManagerContext, PreparedController } from '../runtime/context.js';
import { decideDisruption } from './decide.js';
import { decideStaleDisruption } from './stale-disruption.js';
import type { ScaledWorkload } from './expected-pods.js';

const NAME_ONLY = { select: 'metadata { name }' };

/** What the finders read of a scalable workload. */
type Scalable = { metadata: Pod['metadata']; spec?: { replicas?: number | null } | null };

/**
 * The disruption controller: keeps each PodDisruptionBudget's status (expected, healthy,
 * allowed disruptions) from the pod and workload caches. The status goes with the cached
 * resourceVersion as precondition, so it never overwrites an eviction's decrement: the
 * conflict requeues the key and the next sync starts from the budget the eviction wrote.
 */
export function disruptionController(ctx: ManagerContext): PreparedController {
  const name = 'disruption-controller';
  const pdbs = ctx.informers.informerFor('PodDisruptionBudget');
  const pods = ctx.informers.informerFor('Pod');
  // The finders: every kind with a scale subresource (Deployment, ReplicaSet, ReplicationController, StatefulSet, ...).
  const workloads = new Map(KIND_LIST.filter((k) => k.scalable).map((k) => [k.kind, ctx.informers.informerFor(k.kind as KindName) as unknown as Informer<Scalable>]));
  const queue = new WorkQueue();
  // Pods whose DisruptionTarget condition may go stale (a second queue, as upstream's stalePodDisruptionQueue).
  const staleQueue = new WorkQueue();
  const events = ctx.events(name);
  const watchStale = (pod: Pod) => {
    if (pod.status?.conditions?.some((c) => c.type === 'DisruptionTarget' && c.status === 'True')) staleQueue.add(keyOf(pod));
  };

  const selects = (pdb: PodDisruptionBudget, pod: Pod) => {
    try {
      return matches(labelSelectorToSelector(pdb.spec?.selector as never), pod.metadata.labels ?? {});
    } catch {
      return false;
    }
  };
  const enqueueFor = (pod: Pod) => {
    for (const pdb of pdbs.list(pod.metadata.namespace)) if (selects(pdb, pod)) queue.add(keyOf(pdb));
  };
  const enqueueNamespace = (o: { metadata: { namespace?: string | null } }) => {
    for (const pdb of pdbs.list(o.metadata.namespace)) queue.add(keyOf(pdb));
  };
  pdbs.addEventHandler({ onAdd: (o) => queue.add(keyOf(o)), onUpdate: (_o, n) => queue.add(keyOf(n)), onDelete: (o) => queue.add(keyOf(o)) });
  pods.addEventHandler({
    onAdd: (pod) => {
      enqueueFor(pod);
      watchStale(pod);
    },
    onUpdate: (old, pod) => {
      enqueueFor(old);
      enqueueFor(pod);
      watchStale(pod);
    },
    onDelete: enqueueFor,
  });
  for (const informer of workloads.values()) {
    informer.addEventHandler({
      onAdd: enqueueNamespace,
      onUpdate: (old, next) => {
        if (old.spec?.replicas !== next.spec?.replicas) enqueueNamespace(next);
      },
      onDelete: enqueueNamespace,
    });
  }

  const lookupIn =
    (namespace: string | undefined) =>
    (kind: string, workloadName: string): ScaledWorkload | undefined => {
      const object = workloads.get(kind)?.get(`${namespace ?? 'default'}/${workloadName}`);
      if (!object) return undefined;
      const owner = controllerOf(object);
      return {
        kind,
        name: workloadName,
        uid: object.metadata.uid ?? '',
        replicas: object.spec?.replicas ?? 1,
        ...(owner?.kind && owner.name ? { controller: { kind: owner.kind, name: owner.name, uid: owner.uid } } : {}),
      };
    };

  const reconcile = async (key: string) => {
    const pdb = pdbs.get(key);
    if (!pdb) return done();
    const namespace = pdb.metadata.namespace ?? undefined;
    const decision = decideDisruption({ pdb, namespacePods: pods.list(namespace), lookup: lookupIn(namespace), now: ctx.now() });
    const involved = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', namespace, name: pdb.metadata.name ?? '', uid: pdb.metadata.uid ?? '' };
    for (const event of decision.events) {
      if (event.object === 'pdb') void events.record(involved, event.type, event.reason, event.message);
      else {
        const pod = pods.get(`${namespace}/${event.object.pod}`);
        void events.record({ apiVersion: 'v1', kind: 'Pod', namespace, name: event.object.pod, uid: pod?.metadata.uid ?? '' }, event.type, event.reason, event.message);
      }
    }
    if (decision.status) {
      try {
        await ctx.clientset.podDisruptionBudgets.replaceStatus(
          { metadata: { name: pdb.metadata.name, namespace, resourceVersion: pdb.metadata.resourceVersion }, status: decision.status } as never,
          NAME_ONLY,
        );
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    return decision.recheckAfterMs !== undefined ? requeueAfter(decision.recheckAfterMs) : done();
  };
  const reconcileStale = async (key: string) => {
    const pod = pods.get(key);
    if (!pod) return done();
    const decision = decideStaleDisruption(pod, ctx.now());
    if (decision.action === 'requeueAfter') return requeueAfter(decision.ms);
    if (decision.action === 'clear') {
      try {
        await ctx.clientset.pods.patchStatus(
          { namespace: pod.metadata.namespace, name: pod.metadata.name ?? '' },
          { metadata: { resourceVersion: pod.metadata.resourceVersion }, status: { conditions: decision.conditions } },
          NAME_ONLY,
        );
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    return done();
  };
  const staleName = 'disruption-controller-stale-pod';
  return {
    name,
    run: () =>
      combined(
        runController({ name, queue, workers: ctx.settings.workers, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) }),
        runController({
          name: staleName,
          queue: staleQueue,
          workers: 1,
          reconcile: reconcileStale,
          metrics: ctx.metrics,
          onError: (key, error) => ctx.onError(staleName, key, error),
        }),
      ),
  };
}

/** One handle for the budgets' and the stale conditions' workers. */
function combined(...handles: ControllerHandle[]): ControllerHandle {
  return {
    stop: async () => {
      await Promise.all(handles.map((h) => h.stop()));
    },
    finished: Promise.all(handles.map((h) => h.finished)).then(() => undefined),
  };
}
