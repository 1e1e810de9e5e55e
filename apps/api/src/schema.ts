import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { NamespaceResolver } from './modules/namespace/namespace.resolver.js';
import { NamespaceFinalizeResolver } from './modules/namespace/finalize.resolver.js';
import { NodeResolver } from './modules/node/node.resolver.js';
import { PodResolver } from './modules/pod/pod.resolver.js';
import { PodBindingResolver } from './modules/pod-binding/pod-binding.resolver.js';
import { EventResolver } from './modules/event/event.resolver.js';
import { LeaseResolver } from './modules/lease/lease.resolver.js';
import { LeaseBulkResolver } from './modules/lease/lease-bulk.resolver.js';
import { PodLogsResolver } from './modules/pod-logs/pod-logs.resolver.js';
import { MetricsResolver } from './modules/resource-metrics/metrics.resolver.js';
import { ApplyResolver } from './modules/apply/apply.resolver.js';
import { HistoryResolver } from './modules/history/history.resolver.js';
import { NodeMaintenanceResolver } from './modules/node-maintenance/node-maintenance.resolver.js';
import { ReplicaSetResolver } from './modules/replicaset/replicaset.resolver.js';
import { ReplicaSet } from './modules/replicaset/replicaset.type.js';
import { ReplicationControllerResolver } from './modules/replicationcontroller/replicationcontroller.resolver.js';
import { ReplicationController } from './modules/replicationcontroller/replicationcontroller.type.js';
import { DeploymentResolver } from './modules/deployment/deployment.resolver.js';
import { Deployment } from './modules/deployment/deployment.type.js';
import { DeploymentActionsResolver } from './modules/deployment/deployment-actions.resolver.js';
import { ConfigMapResolver } from './modules/configmap/configmap.resolver.js';
import { SecretResolver } from './modules/secret/secret.resolver.js';
import { ResourceQuotaResolver } from './modules/resourcequota/resourcequota.resolver.js';
import { LimitRangeResolver } from './modules/limitrange/limitrange.resolver.js';
import { createScaleResolver } from './modules/common/scale.resolver.js';
import { DeploymentKind, ReplicaSetKind, ReplicationControllerKind } from '@wheelhouse/resources';
import { ServiceResolver } from './modules/service/service.resolver.js';
import { EndpointSliceResolver, EndpointsResolver } from './modules/endpoint-slice/endpoint-slice.resolver.js';
import { IngressClassResolver, IngressResolver } from './modules/ingress/ingress.resolver.js';
import { JobResolver } from './modules/job/job.resolver.js';
import { PodDisruptionBudgetResolver } from './modules/pod-disruption-budget/pod-disruption-budget.resolver.js';
import { HorizontalPodAutoscalerResolver } from './modules/horizontal-pod-autoscaler/horizontal-pod-autoscaler.resolver.js';
import { ControllerRevisionResolver } from './modules/controllerrevision/controllerrevision.resolver.js';
import { DaemonSetResolver } from './modules/daemonset/daemonset.resolver.js';
import { CronJobResolver } from './modules/cronjob/cronjob.resolver.js';
import { PersistentVolumeClaimResolver, PersistentVolumeResolver, StorageClassResolver } from './modules/storage/storage.resolver.js';

import { AccessResolver } from './modules/access/access.resolver.js';
import { TokenRequestResolver } from './modules/token-request/token-request.resolver.js';
import { ClusterRoleBindingResolver, ClusterRoleResolver, RoleBindingResolver, RoleResolver, ServiceAccountResolver } from './modules/rbac/rbac.resolver.js';
/** Every resolver of the API. A new kind adds its resolver here. */
export const RESOLVERS = [
  NamespaceResolver,
  NamespaceFinalizeResolver,
  NodeResolver,
  NodeMaintenanceResolver,
  PodResolver,
  PodBindingResolver,
  EventResolver,
  LeaseResolver,
  LeaseBulkResolver,
  PodLogsResolver,
  MetricsResolver,
  ReplicaSetResolver,
  createScaleResolver(ReplicaSetKind, ReplicaSet),
  ReplicationControllerResolver,
  createScaleResolver(ReplicationControllerKind, ReplicationController),
  DeploymentResolver,
  createScaleResolver(DeploymentKind, Deployment),
  DeploymentActionsResolver,
  ApplyResolver,
  HistoryResolver,
  ConfigMapResolver,
  SecretResolver,
  ServiceResolver,
  EndpointSliceResolver,
  EndpointsResolver,
  ResourceQuotaResolver,
  LimitRangeResolver,
  IngressResolver,
  IngressClassResolver,
  JobResolver,
  PodDisruptionBudgetResolver,
  HorizontalPodAutoscalerResolver,
  ControllerRevisionResolver,
  DaemonSetResolver,
  CronJobResolver,
  PersistentVolumeResolver,
  PersistentVolumeClaimResolver,
  StorageClassResolver,
  ServiceAccountResolver,
  RoleResolver,
  ClusterRoleResolver,
  RoleBindingResolver,
  ClusterRoleBindingResolver,
  TokenRequestResolver,
  AccessResolver,
] as const;

export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS] as unknown as Parameters<typeof buildSchema>[0]['resolvers'],
    validate: false,
    // Every subscription brings its own `subscribe` (the change-log watch); type-graphql
    // insists on a PubSub anyway, so it gets one that must never be used.
    pubSub: {
      publish: () => {
        throw new Error('unused: watches read the change log');
      },
      subscribe: () => {
        throw new Error('unused: watches read the change log');
      },
    },
  });
}
