// The Kubernetes JSON shapes the pure controller decisions read and write. Only the
// fields the ReplicaSet and Deployment controllers look at are typed; everything else
// rides along untouched (`[field: string]: unknown`).
import type { LabelSelector } from '@wheelhouse/selectors';

export type { LabelSelector };

/** An RFC 3339 timestamp as it appears in JSON (metav1.Time). */
export type Timestamp = string;

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean | null;
  blockOwnerDeletion?: boolean | null;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
  creationTimestamp?: Timestamp | null;
  deletionTimestamp?: Timestamp | null;
  ownerReferences?: OwnerReference[] | null;
  [field: string]: unknown;
}

/** Anything with Kubernetes object metadata. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
}

export type ConditionStatus = 'True' | 'False' | 'Unknown';

// ---- Pods -------------------------------------------------------------------------

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface PodCondition {
  type: string;
  status: ConditionStatus;
  lastProbeTime?: Timestamp | null;
  lastTransitionTime?: Timestamp | null;
  reason?: string;
  message?: string;
}

export interface ContainerStatus {
  name?: string;
  restartCount?: number;
  [field: string]: unknown;
}

export interface Pod extends KubeObject {
  spec?: {
    nodeName?: string | null;
    initContainers?: Array<{ name: string; restartPolicy?: string | null; [field: string]: unknown }> | null;
    [field: string]: unknown;
  };
  status?: {
    phase?: PodPhase | string;
    conditions?: PodCondition[] | null;
    containerStatuses?: ContainerStatus[] | null;
    initContainerStatuses?: ContainerStatus[] | null;
    [field: string]: unknown;
  };
}

export interface PodTemplateSpec {
  metadata?: ObjectMeta;
  spec?: Record<string, unknown>;
}

// ---- ReplicaSet / ReplicationController -------------------------------------------

export interface ReplicaSetCondition {
  type: string;
  status: ConditionStatus;
  lastTransitionTime?: Timestamp | null;
  reason?: string;
  message?: string;
}

export interface ReplicaSetStatus {
  replicas?: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaSetCondition[] | null;
}

export interface ReplicaSet extends KubeObject {
  spec?: {
    replicas?: number | null;
    minReadySeconds?: number | null;
    selector?: LabelSelector | null;
    template?: PodTemplateSpec;
    [field: string]: unknown;
  };
  status?: ReplicaSetStatus;
}

/** A ReplicationController: a ReplicaSet whose selector is a plain label map. */
export interface ReplicationController extends KubeObject {
  spec?: {
    replicas?: number | null;
    minReadySeconds?: number | null;
    selector?: Record<string, string> | null;
    template?: PodTemplateSpec;
    [field: string]: unknown;
  };
  status?: ReplicaSetStatus;
}

// ---- Deployment -------------------------------------------------------------------

/** intstr.IntOrString: an absolute number or a percentage such as "25%". */
export type IntOrString = number | string;

export type DeploymentStrategyType = 'RollingUpdate' | 'Recreate';

export interface DeploymentCondition {
  type: string;
  status: ConditionStatus;
  lastUpdateTime?: Timestamp | null;
  lastTransitionTime?: Timestamp | null;
  reason?: string;
  message?: string;
}

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: DeploymentCondition[] | null;
  collisionCount?: number | null;
}

export interface Deployment extends KubeObject {
  spec?: {
    replicas?: number | null;
    selector?: LabelSelector | null;
    template?: PodTemplateSpec;
    strategy?: {
      type?: DeploymentStrategyType | string;
      rollingUpdate?: { maxSurge?: IntOrString | null; maxUnavailable?: IntOrString | null } | null;
    } | null;
    minReadySeconds?: number | null;
    revisionHistoryLimit?: number | null;
    paused?: boolean | null;
    progressDeadlineSeconds?: number | null;
    [field: string]: unknown;
  };
  status?: DeploymentStatus;
}
