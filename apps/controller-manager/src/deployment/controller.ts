import { WorkQueue, controllerOf, done, keyOf, requeueAfter, runController } from '@wheelhouse/controller-runtime';
import type { Deployment, KubeObject, ReplicaSet } from '@wheelhouse/model';
import type { ManagerContext, PreparedController } from '../runtime/context.js';
import { involvedObject } from '../runtime/involved.js';
import { decideDeployment } from './decide.js';
import { candidatePods } from './candidate-pods.js';
import type { DeploymentAction } from './actions.js';

/** What a write's answer needs to hold: the next write's resourceVersion precondition. */
const VERSION_ONLY = { select: 'metadata { resourceVersion }' };

/**
 * The Deployment controller: reconcile reads the caches, asks decideDeployment for the
 * sync's writes, and makes them in order, stopping at the first failure (the retry
 * starts again from the caches).
 */
export function deploymentController(ctx: ManagerContext): PreparedController {
  const name = 'deployment-controller';
  const queue = new WorkQueue();
  const events = ctx.events(name);
  const deployments = ctx.informers.informerFor('Deployment');
  const replicaSets = ctx.informers.informerFor('ReplicaSet');
  const pods = ctx.informers.informerFor('Pod');
  const { replicaSets: rsClient, deployments: deploymentClient } = ctx.clientset;

  const enqueueOwnerOf = (rs: ReplicaSet) => {
    const ref = controllerOf(rs);
    if (ref?.kind === 'Deployment') queue.add(`${rs.metadata.namespace}/${ref.name}`);
    else if (!ref) for (const d of deployments.list(rs.metadata.namespace)) queue.add(keyOf(d));
  };
  deployments.addEventHandler({ onAdd: (d) => queue.add(keyOf(d)), onUpdate: (_o, d) => queue.add(keyOf(d)), onDelete: (d) => queue.add(keyOf(d)) });
  replicaSets.addEventHandler({ onAdd: enqueueOwnerOf, onUpdate: (_o, rs) => enqueueOwnerOf(rs), onDelete: enqueueOwnerOf });
  // Recreate waits for the old pods to be gone.
  pods.addEventHandler({
    onDelete: (pod) => {
      const ref = controllerOf(pod);
      const rs = ref?.kind === 'ReplicaSet' ? replicaSets.get(`${pod.metadata.namespace}/${ref.name}`) : undefined;
      if (rs) enqueueOwnerOf(rs);
    },
  });

  const reconcile = async (key: string) => {
    const deployment = deployments.get(key);
    if (!deployment) return done();
    const ns = deployment.metadata.namespace;
    const namespaceRSs = replicaSets.list(ns);
    const actions = decideDeployment({
      deployment,
      replicaSets: namespaceRSs,
      pods: candidatePods(pods, deployment, namespaceRSs),
      now: ctx.now(),
    });
    // Later writes to an object we just wrote must carry its new resourceVersion, not the cache's.
    const versions = new Map<string, string>();
    let after: number | undefined;
    for (const action of actions) {
      if (action.type === 'requeueAfter') after = action.milliseconds;
      else await act(action, deployment, versions);
    }
    return after !== undefined ? requeueAfter(Math.max(after, 100)) : done();
  };

  const act = async (action: Exclude<DeploymentAction, { type: 'requeueAfter' }>, deployment: Deployment, versions: Map<string, string>) => {
    const withVersion = <T extends KubeObject>(kind: string, object: T): T => {
      const rv = versions.get(`${kind}/${object.metadata.name}`);
      return rv ? { ...object, metadata: { ...object.metadata, resourceVersion: rv } } : object;
    };
    const remember = (kind: string, objectName: string | undefined, written: KubeObject) => {
      if (objectName && written.metadata.resourceVersion) versions.set(`${kind}/${objectName}`, written.metadata.resourceVersion);
    };
    switch (action.type) {
      case 'adoptReplicaSet':
      case 'releaseReplicaSet': {
        const rs = withVersion('ReplicaSet', action.replicaSet);
        const refs = rs.metadata.ownerReferences ?? [];
        const ownerReferences = action.type === 'adoptReplicaSet' ? [...refs, action.ownerReference] : refs.filter((r) => r.uid !== action.ownerUid);
        remember('ReplicaSet', rs.metadata.name, await rsClient.patch(rs.metadata, { metadata: { resourceVersion: rs.metadata.resourceVersion, ownerReferences } }, VERSION_ONLY));
        return;
      }
      case 'createReplicaSet':
        remember(
          'ReplicaSet',
          action.replicaSet.metadata.name,
          await rsClient.create(action.replicaSet, { ...VERSION_ONLY, namespace: deployment.metadata.namespace ?? undefined }),
        );
        return;
      case 'updateReplicaSet': {
        const rs = withVersion('ReplicaSet', action.replicaSet);
        // A scale's ScalingReplicaSet event is the plan's own `event` action right after this one.
        remember('ReplicaSet', rs.metadata.name, await rsClient.replace(rs, VERSION_ONLY));
        return;
      }
      case 'deleteReplicaSet':
        await rsClient.delete(action.replicaSet.metadata, { select: 'metadata { name }' });
        return;
      case 'updateDeployment': {
        const d = withVersion('Deployment', action.deployment);
        remember('Deployment', d.metadata.name, await deploymentClient.replace(d, VERSION_ONLY));
        return;
      }
      case 'updateDeploymentStatus': {
        const d = withVersion('Deployment', action.deployment);
        // Our status write keeps metadata as it is, so changed annotations (the revision) go first.
        if (JSON.stringify(d.metadata.annotations ?? {}) !== JSON.stringify(deployment.metadata.annotations ?? {})) {
          remember(
            'Deployment',
            d.metadata.name,
            await deploymentClient.patch(d.metadata, { metadata: { resourceVersion: d.metadata.resourceVersion, annotations: d.metadata.annotations ?? {} } }, VERSION_ONLY),
          );
        }
        const latest = withVersion('Deployment', d);
        remember(
          'Deployment',
          d.metadata.name,
          await deploymentClient.replaceStatus(
            { metadata: { name: d.metadata.name, namespace: d.metadata.namespace, resourceVersion: latest.metadata.resourceVersion }, status: d.status ?? {} },
            VERSION_ONLY,
          ),
        );
        return;
      }
      case 'event':
        void events.record(involvedObject(deployment, DEPLOYMENT), action.eventType, action.reason, action.message);
        return;
    }
  };

  return {
    name,
    run: () => runController({ name, queue, workers: ctx.settings.workers, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) }),
  };
}

const DEPLOYMENT = { apiVersion: 'apps/v1', kind: 'Deployment' };
