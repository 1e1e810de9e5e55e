import { Expectations, WorkQueue, controllerOf, done, keyOf, requeueAfter, runController } from '@wheelhouse/controller-runtime';
import { isNotFound } from '@wheelhouse/client';
import type { DaemonSet, Node, Pod } from '@wheelhouse/model';
import type { ManagerContext, PreparedController } from '../runtime/context.js';
import { involvedObject } from '../runtime/involved.js';
import { slowStartBatches, slowStartCreate } from '../replicaset/slow-start-batch.js';
import { deletePods } from '../replicaset/delete-pods.js';
import { podList } from '../replicaset/event-messages.js';
import { canonicalJson } from '../deployment/semantic-json.js';
import { decideDaemonSet, type DaemonSetAction } from './decide.js';
import { claimDaemonPods } from './claim-pods.js';
import { syncHistory } from './history-sync.js';
import { nextBackoff, type BackoffEntry } from './failed-pod-backoff.js';

const NAME_ONLY = { select: 'metadata { name }' };
const DAEMON_SET = { apiVersion: 'apps/v1', kind: 'DaemonSet' };

/** What of a node the DaemonSet controller reads: a heartbeat changes none of it. */
const nodeShape = (n: Node) => ({ labels: n.metadata.labels, taints: n.spec?.taints, unschedulable: n.spec?.unschedulable });

/**
 * The DaemonSet controller: handlers only enqueue DaemonSet keys (a node added, removed or
 * relabelled/retainted enqueues every DaemonSet); reconcile syncs the ControllerRevision
 * history, claims the pods, asks decideDaemonSet and carries its actions out.
 */
export function daemonSetController(ctx: ManagerContext): PreparedController {
  const name = 'daemonset-controller';
  const daemonSets = ctx.informers.informerFor('DaemonSet');
  const pods = ctx.informers.informerFor('Pod');
  const nodes = ctx.informers.informerFor('Node');
  const revisions = ctx.informers.informerFor('ControllerRevision');
  const queue = new WorkQueue();
  const expectations = new Expectations();
  const events = ctx.events(name);
  const backoff = new Map<string, BackoffEntry>();

  const ownerKey = (o: Pod | { metadata: Pod['metadata'] }) => {
    const ref = controllerOf(o);
    return ref?.kind === 'DaemonSet' ? `${o.metadata.namespace ?? 'default'}/${ref.name}` : undefined;
  };
  const enqueueAll = () => {
    for (const ds of daemonSets.list()) queue.add(keyOf(ds));
  };
  const enqueuePod = (pod: Pod) => {
    const key = ownerKey(pod);
    if (key) queue.add(key);
    // An orphan may be adopted by a DaemonSet of its namespace.
    else if (!controllerOf(pod)) for (const ds of daemonSets.list(pod.metadata.namespace)) queue.add(keyOf(ds));
    return key;
  };
  daemonSets.addEventHandler({ onAdd: (o) => queue.add(keyOf(o)), onUpdate: (_o, n) => queue.add(keyOf(n)), onDelete: (o) => queue.add(keyOf(o)) });
  pods.addEventHandler({
    onAdd: (pod) => {
      const key = enqueuePod(pod);
      if (key) expectations.creationObserved(key);
    },
    onUpdate: (old, pod) => {
      const key = enqueuePod(pod);
      if (controllerOf(old)?.uid !== controllerOf(pod)?.uid) enqueuePod(old);
      if (key && !old.metadata.deletionTimestamp && pod.metadata.deletionTimestamp) expectations.deletionObserved(key, pod.metadata.uid ?? '');
    },
    onDelete: (pod) => {
      const key = enqueuePod(pod);
      if (key) expectations.deletionObserved(key, pod.metadata.uid ?? '');
    },
  });
  nodes.addEventHandler({
    onAdd: enqueueAll,
    onUpdate: (old, node) => {
      if (canonicalJson(nodeShape(old)) !== canonicalJson(nodeShape(node))) enqueueAll();
    },
    onDelete: enqueueAll,
  });
  revisions.addEventHandler({
    onAdd: (r) => {
      const key = ownerKey(r);
      if (key) queue.add(key);
    },
    onDelete: (r) => {
      const key = ownerKey(r);
      if (key) queue.add(key);
    },
  });

  const reconcile = async (key: string) => {
    const ds = daemonSets.get(key);
    if (!ds) {
      expectations.delete(key);
      return done();
    }
    if (ds.metadata.deletionTimestamp) return done();
    const namespace = ds.metadata.namespace;
    const claim = claimDaemonPods(ds, pods.list(namespace));
    await adoptAndRelease(ds, claim.adopt, claim.release);
    const owned = revisions.list(namespace).filter((r) => controllerOf(r)?.uid === ds.metadata.uid);
    const history = await syncHistory(ctx.clientset, ds, owned, claim.claimed);
    const actions = decideDaemonSet({
      ds,
      nodes: nodes.list(),
      pods: claim.claimed,
      hash: history.hash,
      oldRevisions: history.old,
      expectationsSatisfied: expectations.satisfied(key),
      now: ctx.now(),
      backoff: (k) => backoff.get(k),
    });
    let after: number | undefined;
    for (const action of actions) {
      if (action.type === 'requeueAfter') after = action.ms;
      else await act(action, key, ds);
    }
    return after !== undefined ? requeueAfter(after) : done();
  };

  const adoptAndRelease = async (ds: DaemonSet, adopt: Pod[], release: Pod[]) => {
    const ref = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name ?? '', uid: ds.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
    for (const pod of adopt) {
      await ctx.clientset.pods.patch(
        pod.metadata,
        { metadata: { resourceVersion: pod.metadata.resourceVersion, ownerReferences: [...(pod.metadata.ownerReferences ?? []), ref] } },
        NAME_ONLY,
      );
    }
    for (const pod of release) {
      await ctx.clientset.pods.patch(
        pod.metadata,
        { metadata: { resourceVersion: pod.metadata.resourceVersion, ownerReferences: (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== ds.metadata.uid) } },
        NAME_ONLY,
      );
    }
  };

  const act = async (action: Exclude<DaemonSetAction, { type: 'requeueAfter' }>, key: string, ds: DaemonSet) => {
    const ns = ds.metadata.namespace ?? undefined;
    const involved = involvedObject(ds, DAEMON_SET);
    switch (action.type) {
      case 'create': {
        // Slow start: batches of 1, 2, 4 … each one bulk call; each pod pinned to its own node.
        let offset = 0;
        const result = await slowStartCreate(expectations, key, slowStartBatches(action.pods.length), (size) => {
          const batch = action.pods.slice(offset, offset + size);
          offset += size;
          return ctx.clientset.pods.createMany(batch, { ...NAME_ONLY, namespace: ns });
        });
        const created = result.created.flat();
        if (created.length > 0) void events.record(involved, 'Normal', 'SuccessfulCreate', `Created ${podList(created.map((p) => p.metadata.name ?? ''))}`);
        if (result.error !== undefined) {
          void events.record(involved, 'Warning', 'FailedCreate', `Error creating: ${(result.error as Error).message}`);
          throw result.error;
        }
        return;
      }
      case 'delete': {
        const result = await deletePods(expectations, key, action.pods, (pod) => ctx.clientset.pods.delete(pod.metadata, NAME_ONLY), isNotFound);
        if (result.deleted.length > 0) void events.record(involved, 'Normal', 'SuccessfulDelete', `Deleted ${podList(result.deleted.map((p) => p.metadata.name ?? ''))}`);
        if (result.error !== undefined) {
          void events.record(involved, 'Warning', 'FailedDelete', `Error deleting: ${(result.error as Error).message}`);
          throw result.error;
        }
        return;
      }
      case 'event':
        void events.record(involved, action.eventType, action.reason, action.message);
        return;
      case 'backoff': {
        const now = ctx.now().getTime();
        for (const k of action.keys) backoff.set(k, nextBackoff(backoff.get(k), now));
        return;
      }
      case 'deleteRevisions':
        for (const r of action.revisions) {
          try {
            await ctx.clientset.controllerRevisions.delete({ namespace: ns, name: r.metadata.name ?? '' }, NAME_ONLY);
          } catch (error) {
            if (!isNotFound(error)) throw error;
          }
        }
        return;
      case 'status':
        // With the DaemonSet's resourceVersion: a status computed from a stale object is refused and recomputed.
        await ctx.clientset.daemonSets.replaceStatus(
          { metadata: { name: ds.metadata.name, namespace: ns, resourceVersion: ds.metadata.resourceVersion }, status: action.status },
          NAME_ONLY,
        );
        return;
    }
  };

  return {
    name,
    run: () => runController({ name, queue, workers: ctx.settings.workers, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) }),
  };
}
