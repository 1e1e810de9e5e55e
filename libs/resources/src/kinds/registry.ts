import { resolveKindName as resolveIdentity } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import { NamespaceKind } from './namespace.js';
import { NodeKind } from './node.js';
import { PodKind } from './pod.js';
import { EventKind } from './event.js';
import { LeaseKind } from './lease.js';
import { ReplicaSetKind } from './replicaset.js';
import { ReplicationControllerKind } from './replicationcontroller.js';
import { DeploymentKind } from './deployment.js';
import { ConfigMapKind } from './configmap.js';
import { SecretKind } from './secret.js';
import { ServiceKind } from './service.js';
import { EndpointSliceKind, EndpointsKind } from './endpoint-slice.js';
import { ResourceQuotaKind } from './resourcequota.js';
import { LimitRangeKind } from './limitrange.js';
import { IngressKind, IngressClassKind } from './ingress.js';
import { JobKind } from './job.js';
import { PodDisruptionBudgetKind } from './pod-disruption-budget.js';
import { HorizontalPodAutoscalerKind } from './horizontal-pod-autoscaler.js';
import { ControllerRevisionKind } from './controllerrevision.js';
import { DaemonSetKind } from './daemonset.js';
import { CronJobKind } from './cronjob.js';
import { PersistentVolumeClaimKind, PersistentVolumeKind, StorageClassKind } from './storage.js';
import { ServiceAccountKind, RoleKind, ClusterRoleKind, RoleBindingKind, ClusterRoleBindingKind } from './rbac.js';

/** Every kind the cluster serves. Adding a kind starts here. */
export const KINDS: readonly KindInfo[] = [
  NamespaceKind,
  NodeKind,
  PodKind,
  EventKind,
  LeaseKind,
  ReplicaSetKind,
  ReplicationControllerKind,
  DeploymentKind,
  ConfigMapKind,
  SecretKind,
  ServiceKind,
  EndpointSliceKind,
  EndpointsKind,
  ResourceQuotaKind,
  LimitRangeKind,
  IngressKind,
  IngressClassKind,
  JobKind,
  PodDisruptionBudgetKind,
  HorizontalPodAutoscalerKind,
  ControllerRevisionKind,
  DaemonSetKind,
  CronJobKind,
  PersistentVolumeKind,
  PersistentVolumeClaimKind,
  StorageClassKind,
  ServiceAccountKind,
  RoleKind,
  ClusterRoleKind,
  RoleBindingKind,
  ClusterRoleBindingKind,
];

const byKind = new Map(KINDS.map((k) => [k.kind, k]));

export function kindInfo(kind: string): KindInfo {
  const info = byKind.get(kind);
  if (!info) throw new Error(`unknown kind ${kind}`);
  return info;
}

export function findKind(kind: string): KindInfo | undefined {
  return byKind.get(kind);
}

/** Resolves kubectl-style names (Kind, resource, short name, any case) to the kind's full definition. */
export function resolveKindName(name: string): KindInfo | undefined {
  const identity = resolveIdentity(name);
  return identity && byKind.get(identity.kind);
}
