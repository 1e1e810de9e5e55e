import type { WheelhouseClient } from '@wheelhouse/client';
import type { ControllerMetrics, Informer, RuntimeObject, RuntimeObjectMeta } from '@wheelhouse/controller-runtime';
import type { EventRecorder } from '@wheelhouse/controller-runtime';

/** What every controller of the manager shares: one client, one informer per kind, events, metrics. */
export interface ManagerContext {
  client: WheelhouseClient;
  informers: Informers;
  events: (component: string) => EventRecorder;
  metrics?: ControllerMetrics;
  onError(controller: string, key: string, error: unknown): void;
  now(): Date;
}

/** An object from an informer, nulls stripped (runtime/strip-nulls.ts): Kubernetes JSON. */
export interface ManagedObject extends RuntimeObject {
  apiVersion?: string;
  kind?: string;
  metadata: RuntimeObjectMeta & {
    name: string;
    uid: string;
    namespace?: string;
    resourceVersion?: string;
    finalizers?: string[];
    deletionTimestamp?: string;
    annotations?: Record<string, string>;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean; blockOwnerDeletion?: boolean }[];
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

export interface Informers {
  pods: Informer<ManagedObject>;
  replicaSets: Informer<ManagedObject>;
  replicationControllers: Informer<ManagedObject>;
  deployments: Informer<ManagedObject>;
  namespaces: Informer<ManagedObject>;
  nodes: Informer<ManagedObject>;
  resourceQuotas: Informer<ManagedObject>;
  /** Leases in kube-node-lease: the node agents' heartbeats. */
  nodeLeases: Informer<ManagedObject>;
  services: Informer<ManagedObject>;
  endpointSlices: Informer<ManagedObject>;
  endpoints: Informer<ManagedObject>;
  jobs: Informer<ManagedObject>;
}
