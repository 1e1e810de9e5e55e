// Every kind the dashboard shows, in navigation order. A new kind is one line here
// (plus its KindDef: fields, list selection, columns).
import type { KindDef } from './kind.ts';
import { NodeKind } from './node.ts';
import { PodKind } from './pod.ts';
import { DeploymentKind, ReplicaSetKind, ReplicationControllerKind } from './workload.ts';
import { EventKind, LeaseKind, NamespaceKind } from './other.ts';
import { ConfigMapKind, SecretKind } from './config.ts';
import { EndpointSliceKind, EndpointsKind, ServiceKind } from './network.ts';
import { JobKind } from './batch.ts';

export const KINDS: readonly KindDef[] = [
  NamespaceKind,
  NodeKind,
  PodKind,
  DeploymentKind,
  ReplicaSetKind,
  ReplicationControllerKind,
  JobKind,
  ServiceKind,
  EndpointSliceKind,
  EndpointsKind,
  ConfigMapKind,
  SecretKind,
  EventKind,
  LeaseKind,
];

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
