import type { ControllerSetup } from './context.js';
import { replicaSetController } from '../replicaset/controller.js';
import { deploymentController } from '../deployment/controller.js';
import { garbageCollector } from '../garbage-collector/controller.js';
import { namespaceController } from '../namespace/controller.js';
import { nodeLifecycleController } from '../node-lifecycle/controller.js';
import { endpointSliceController } from '../endpointslice/controller.js';
import { endpointsController } from '../endpoints/controller.js';
import { resourceQuotaController } from '../resourcequota/controller.js';
import { jobController } from '../job/controller.js';
import { ttlAfterFinishedController } from '../ttl-after-finished/controller.js';
import { disruptionController } from '../disruption/controller.js';
import { horizontalPodAutoscalerController } from '../podautoscaler/controller.js';
import { daemonSetController } from '../daemonset/controller.js';
import { cronJobController } from '../cronjob/controller.js';
import { persistentVolumeController } from '../persistentvolume/controller.js';
import { clusterRoleAggregationController } from '../clusterrole-aggregation/controller.js';
import { serviceAccountsController } from '../serviceaccounts/controller.js';

/**
 * Every controller the manager runs (kube-controller-manager's NewControllerDescriptors).
 * A new controller is one line here: it asks the context's InformerFactory for the kinds
 * it watches and shares them with the others.
 */
export const CONTROLLERS: readonly ControllerSetup[] = [
  (ctx) => replicaSetController(ctx, 'ReplicaSet'),
  (ctx) => replicaSetController(ctx, 'ReplicationController'),
  deploymentController,
  garbageCollector,
  namespaceController,
  nodeLifecycleController,
  endpointSliceController,
  endpointsController,
  resourceQuotaController,
  jobController,
  ttlAfterFinishedController,
  disruptionController,
  horizontalPodAutoscalerController,
  daemonSetController,
  cronJobController,
  persistentVolumeController,
  clusterRoleAggregationController,
  serviceAccountsController,
];
