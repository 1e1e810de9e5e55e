// Every kind the dashboard lists. The catalogue (@wheelhouse/model KIND_CATALOGUE) decides
// which kinds exist and their navigation order; each needs one entry here, `listKind('X')`
// at the least (lib/kinds/catalogue.test.ts fails, saying what to add, when one is missing).
import { KIND_LIST, type KindName, type ObjectTypes } from '@wheelhouse/model';
import { ConfigMapKind, SecretKind } from './config.ts';
import type { KindDef } from './kind.ts';
import { listKind } from './list-kind.ts';
import { EndpointSliceKind, EndpointsKind, ServiceKind } from './network.ts';
import { NodeKind } from './node.ts';
import { EventKind, LeaseKind, NamespaceKind } from './other.ts';
import { PodKind } from './pod.ts';
import { DeploymentKind, ReplicaSetKind, ReplicationControllerKind } from './workload.ts';
import { IngressClassKind, IngressKind } from './ingress.ts';
import { CronJobKind } from './cronjob.ts';

export const DASHBOARD_KINDS: { readonly [K in KindName]?: KindDef<ObjectTypes[K]> } = {
  Namespace: NamespaceKind,
  Node: NodeKind,
  Pod: PodKind,
  Deployment: DeploymentKind,
  ReplicaSet: ReplicaSetKind,
  ReplicationController: ReplicationControllerKind,
  Event: EventKind,
  Lease: LeaseKind,
  ConfigMap: ConfigMapKind,
  Secret: SecretKind,
  Service: ServiceKind,
  EndpointSlice: EndpointSliceKind,
  Endpoints: EndpointsKind,
  ResourceQuota: listKind('ResourceQuota'),
  LimitRange: listKind('LimitRange'),
  Ingress: IngressKind,
  IngressClass: IngressClassKind,
  Job: listKind('Job'),
  PodDisruptionBudget: listKind('PodDisruptionBudget'),
  HorizontalPodAutoscaler: listKind('HorizontalPodAutoscaler'),
  ControllerRevision: listKind('ControllerRevision'),
  DaemonSet: listKind('DaemonSet'),
  CronJob: CronJobKind,
  PersistentVolume: listKind('PersistentVolume'),
  PersistentVolumeClaim: listKind('PersistentVolumeClaim'),
  StorageClass: listKind('StorageClass'),
  ServiceAccount: listKind('ServiceAccount'),
  Role: listKind('Role'),
  ClusterRole: listKind('ClusterRole'),
  RoleBinding: listKind('RoleBinding'),
  ClusterRoleBinding: listKind('ClusterRoleBinding'),
};

/** The dashboard's kinds in the catalogue's navigation order. */
export const KINDS: readonly KindDef[] = KIND_LIST.flatMap((k) => {
  const def = (DASHBOARD_KINDS as Record<string, KindDef | undefined>)[k.kind];
  return def ? [def] : [];
});

export function kindByPath(path: string): KindDef | undefined {
  return KINDS.find((k) => k.path === path);
}

export function kindByName(kind: string): KindDef | undefined {
  return KINDS.find((k) => k.kind === kind);
}

/** The dashboard URL of an object (or of a kind's list). */
export function hrefFor(kind: string, name?: string, namespace?: string | null): string | undefined {
  const def = kindByName(kind);
  if (!def) return undefined;
  if (!name) return `/${def.path}`;
  return def.namespaced ? `/${def.path}/${encodeURIComponent(namespace || 'default')}/${encodeURIComponent(name)}` : `/${def.path}/${encodeURIComponent(name)}`;
}
