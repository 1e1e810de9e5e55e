import { FullSelections, hasCode, type WheelhouseClient } from '@wheelhouse/client';
import { EventRecorder, Informer, stripNulls, type ControllerHandle, type ControllerMetrics } from '@wheelhouse/controller-runtime';
import type { Informers, ManagedObject, ManagerContext } from './runtime/context.js';
import { startReplicaSetController } from './replicaset/controller.js';
import { startGarbageCollector } from './garbage-collector/controller.js';
import { startNamespaceController } from './namespace/controller.js';
import { startResourceQuotaController } from './resourcequota/controller.js';
import { startDeploymentController } from './deployment/controller.js';
import { startNodeLifecycleController } from './node-lifecycle/controller.js';
import { routineConflict } from './runtime/routine-conflict.js';
import { startEndpointSliceController } from './endpointslice/controller.js';
import { startEndpointsController } from './endpoints/controller.js';
import { startJobController } from './job/controller.js';
import { startTtlAfterFinishedController } from './ttl-after-finished/controller.js';

export interface RunningManager {
  stop(): Promise<void>;
}

/** Every controller of the manager, started once this process leads; `signal` aborts when it stops leading. */
export async function startControllers(
  client: WheelhouseClient,
  options: {
    workers: number;
    /** node-monitor-grace-period; default 40 s. */
    nodeMonitorGracePeriodSeconds?: number;
    /** --node-eviction-rate and --secondary-node-eviction-rate (nodes/s per zone); default 0.1 and 0.01. */
    nodeEvictionRate?: number;
    secondaryNodeEvictionRate?: number;
    metrics?: ControllerMetrics;
    log: (message: string, error?: unknown) => void;
    signal?: AbortSignal;
  },
): Promise<RunningManager> {
  const selections = new FullSelections(client);
  const informer = async (plural: string, type: string, namespace?: string) =>
    new Informer<ManagedObject>(client, {
      plural,
      kind: type,
      namespace,
      fields: await selections.of(type),
      transform: (o: unknown) => stripNulls(o) as ManagedObject,
      onError: (error, willRetry) => options.log(`${plural} watch${willRetry ? ' (retrying)' : ''}`, error),
    });
  const informers: Informers = {
    pods: await informer('pods', 'Pod'),
    replicaSets: await informer('replicaSets', 'ReplicaSet'),
    replicationControllers: await informer('replicationControllers', 'ReplicationController'),
    deployments: await informer('deployments', 'Deployment'),
    namespaces: await informer('namespaces', 'Namespace'),
    nodes: await informer('nodes', 'Node'),
    nodeLeases: await informer('leases', 'Lease', 'kube-node-lease'),
    services: await informer('services', 'Service'),
    endpointSlices: await informer('endpointSlices', 'EndpointSlice'),
    endpoints: await informer('endpointsList', 'Endpoints'),
    resourceQuotas: await informer('resourceQuotas', 'ResourceQuota'),
    jobs: await informer('jobs', 'Job'),
  };
  // Once the term is over its client refuses every call (CLOSED): the expected way work stops, not worth a line each.
  const stopped = (error: unknown) => options.signal?.aborted === true && hasCode(error, 'CLOSED');
  const ctx: ManagerContext = {
    client,
    informers,
    events: (component) =>
      new EventRecorder(
        client,
        component,
        () => new Date(),
        (e) => stopped(e) || options.log(`${component} event`, e),
      ),
    metrics: options.metrics,
    onError: (controller, key, error) => stopped(error) || routineConflict(error) || options.log(`${controller} ${key}`, error),
    now: () => new Date(),
  };
  const all = Object.values(informers);
  for (const i of all) i.start();
  const synced = await Promise.all(all.map((i) => i.waitForSync(options.signal)));
  // Leadership lost before the caches filled: controllers on a partial cache would
  // see pods missing and create them again, so none is started.
  if (!synced.every(Boolean)) {
    for (const i of all) i.stop();
    return { stop: async () => {} };
  }
  const controllers: ControllerHandle[] = [
    startReplicaSetController(ctx, 'ReplicaSet', options.workers),
    startReplicaSetController(ctx, 'ReplicationController', options.workers),
    startDeploymentController(ctx, options.workers),
    startGarbageCollector(ctx),
    startNamespaceController(ctx),
    startResourceQuotaController(ctx),
    startNodeLifecycleController(ctx, {
      gracePeriodMs: (options.nodeMonitorGracePeriodSeconds ?? 40) * 1000,
      taintingRates: { normal: options.nodeEvictionRate ?? 0.1, secondary: options.secondaryNodeEvictionRate ?? 0.01 },
    }),
    startEndpointSliceController(ctx, options.workers),
    startEndpointsController(ctx, options.workers),
    startJobController(ctx, options.workers),
    startTtlAfterFinishedController(ctx),
  ];
  options.log(`controllers running: ${controllers.length}`);
  return {
    async stop() {
      await Promise.all(controllers.map((c) => c.stop()));
      for (const i of all) i.stop();
    },
  };
}
