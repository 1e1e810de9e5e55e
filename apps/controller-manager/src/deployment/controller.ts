import { WorkQueue, controllerOf, done, keyOf, requeueAfter, runController, type ControllerHandle } from '@wheelhouse/controller-runtime';
import type { ManagedObject, ManagerContext } from '../runtime/context.js';
import type { Deployment, Pod, ReplicaSet } from '../common/types.js';
import { decideDeployment } from './decide.js';
import { candidatePods, type OwnerIndex } from './candidate-pods.js';
import type { DeploymentAction } from './actions.js';

const PATCH_RS = `mutation($ns: String, $name: String!, $patch: JSONObject!) { patchReplicaSet(namespace: $ns, name: $name, patch: $patch) { metadata { resourceVersion } } }`;
const CREATE_RS = `mutation($ns: String, $input: ReplicaSetInput!) { createReplicaSet(namespace: $ns, input: $input) { metadata { resourceVersion } } }`;
const REPLACE_RS = `mutation($ns: String, $name: String!, $input: ReplicaSetInput!) { replaceReplicaSet(namespace: $ns, name: $name, input: $input) { metadata { resourceVersion } } }`;
const DELETE_RS = `mutation($ns: String, $name: String!) { deleteReplicaSet(namespace: $ns, name: $name) { metadata { name } } }`;
const REPLACE_D = `mutation($ns: String, $name: String!, $input: DeploymentInput!) { replaceDeployment(namespace: $ns, name: $name, input: $input) { metadata { resourceVersion } } }`;
const PATCH_D = `mutation($ns: String, $name: String!, $patch: JSONObject!) { patchDeployment(namespace: $ns, name: $name, patch: $patch) { metadata { resourceVersion } } }`;
const REPLACE_D_STATUS = `mutation($ns: String, $name: String!, $input: DeploymentInput!) { replaceDeploymentStatus(namespace: $ns, name: $name, input: $input) { metadata { resourceVersion } } }`;

/**
 * The Deployment controller: reconcile reads the caches, asks decideDeployment for the
 * sync's writes, and makes them in order, stopping at the first failure (the retry
 * starts again from the caches).
 */
export function startDeploymentController(ctx: ManagerContext, workers = 4): ControllerHandle {
  const name = 'deployment-controller';
  const queue = new WorkQueue();
  const events = ctx.events(name);
  const { deployments, replicaSets, pods } = ctx.informers;

  const enqueueOwnerOf = (rs: ManagedObject) => {
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
    const namespaceRSs = replicaSets.list(ns) as unknown as ReplicaSet[];
    const actions = decideDeployment({
      deployment: deployment as unknown as Deployment,
      replicaSets: namespaceRSs,
      pods: candidatePods(pods as unknown as OwnerIndex<Pod>, deployment as unknown as Deployment, namespaceRSs),
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

  const act = async (action: Exclude<DeploymentAction, { type: 'requeueAfter' }>, deployment: ManagedObject, versions: Map<string, string>) => {
    const ns = deployment.metadata.namespace;
    const withVersion = <T extends { metadata: { name?: string; resourceVersion?: string } }>(kind: string, object: T): T => {
      const rv = versions.get(`${kind}/${object.metadata.name}`);
      return rv ? { ...object, metadata: { ...object.metadata, resourceVersion: rv } } : object;
    };
    const remember = (kind: string, objectName: string | undefined, result: Record<string, { metadata: { resourceVersion: string } }>) => {
      const written = Object.values(result)[0];
      if (objectName && written) versions.set(`${kind}/${objectName}`, written.metadata.resourceVersion);
    };
    switch (action.type) {
      case 'adoptReplicaSet':
      case 'releaseReplicaSet': {
        const rs = withVersion('ReplicaSet', action.replicaSet);
        const refs = rs.metadata.ownerReferences ?? [];
        const ownerReferences = action.type === 'adoptReplicaSet' ? [...refs, action.ownerReference] : refs.filter((r) => r.uid !== action.ownerUid);
        remember(
          'ReplicaSet',
          rs.metadata.name,
          await ctx.client.request(PATCH_RS, { ns, name: rs.metadata.name, patch: { metadata: { resourceVersion: rs.metadata.resourceVersion, ownerReferences } } }),
        );
        return;
      }
      case 'createReplicaSet':
        remember('ReplicaSet', action.replicaSet.metadata.name, await ctx.client.request(CREATE_RS, { ns, input: action.replicaSet }));
        return;
      case 'updateReplicaSet': {
        const rs = withVersion('ReplicaSet', action.replicaSet);
        // A scale's ScalingReplicaSet event is the plan's own `event` action right after this one.
        remember('ReplicaSet', rs.metadata.name, await ctx.client.request(REPLACE_RS, { ns, name: rs.metadata.name, input: rs }));
        return;
      }
      case 'deleteReplicaSet':
        await ctx.client.request(DELETE_RS, { ns, name: action.replicaSet.metadata.name });
        return;
      case 'updateDeployment': {
        const d = withVersion('Deployment', action.deployment);
        remember('Deployment', d.metadata.name, await ctx.client.request(REPLACE_D, { ns, name: d.metadata.name, input: d }));
        return;
      }
      case 'updateDeploymentStatus': {
        const d = withVersion('Deployment', action.deployment);
        // Our status write keeps metadata as it is, so changed annotations (the revision) go first.
        if (JSON.stringify(d.metadata.annotations ?? {}) !== JSON.stringify(deployment.metadata.annotations ?? {})) {
          remember(
            'Deployment',
            d.metadata.name,
            await ctx.client.request(PATCH_D, {
              ns,
              name: d.metadata.name,
              patch: { metadata: { resourceVersion: d.metadata.resourceVersion, annotations: d.metadata.annotations ?? {} } },
            }),
          );
        }
        const latest = withVersion('Deployment', d);
        remember(
          'Deployment',
          d.metadata.name,
          await ctx.client.request(REPLACE_D_STATUS, {
            ns,
            name: d.metadata.name,
            input: { metadata: { name: d.metadata.name, resourceVersion: latest.metadata.resourceVersion }, status: d.status ?? {} },
          }),
        );
        return;
      }
      case 'event':
        void events.record(involved(deployment), action.eventType, action.reason, action.message);
        return;
    }
  };

  return runController({ name, queue, workers, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) });
}

function involved(d: ManagedObject) {
  return { apiVersion: 'apps/v1', kind: 'Deployment', namespace: d.metadata.namespace, name: d.metadata.name, uid: d.metadata.uid };
}
