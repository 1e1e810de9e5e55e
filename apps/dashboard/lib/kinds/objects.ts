// The shapes of API objects as the dashboard reads them: every field optional, as GraphQL may return null.
type Maybe<T> = T | null | undefined;

export interface OwnerReference {
  apiVersion?: Maybe<string>;
  kind?: Maybe<string>;
  name?: Maybe<string>;
  uid?: Maybe<string>;
  controller?: Maybe<boolean>;
}

export interface ObjectMeta {
  name?: Maybe<string>;
  namespace?: Maybe<string>;
  uid?: Maybe<string>;
  resourceVersion?: Maybe<string>;
  generation?: Maybe<number>;
  creationTimestamp?: Maybe<string>;
  deletionTimestamp?: Maybe<string>;
  labels?: Maybe<Record<string, string>>;
  annotations?: Maybe<Record<string, string>>;
  ownerReferences?: Maybe<OwnerReference[]>;
  finalizers?: Maybe<string[]>;
}

export interface Condition {
  type?: Maybe<string>;
  status?: Maybe<string>;
  reason?: Maybe<string>;
  message?: Maybe<string>;
  lastTransitionTime?: Maybe<string>;
  lastHeartbeatTime?: Maybe<string>;
  lastUpdateTime?: Maybe<string>;
}

export interface AnyObject {
  kind?: Maybe<string>;
  metadata: ObjectMeta;
  spec?: Maybe<Record<string, unknown>>;
  status?: Maybe<Record<string, unknown>>;
}

export interface ContainerStatus {
  name?: Maybe<string>;
  ready?: Maybe<boolean>;
  restartCount?: Maybe<number>;
  state?: Maybe<{
    waiting?: Maybe<{ reason?: Maybe<string> }>;
    running?: Maybe<{ startedAt?: Maybe<string> }>;
    terminated?: Maybe<{ reason?: Maybe<string>; exitCode?: Maybe<number>; signal?: Maybe<number> }>;
  }>;
}

export interface Container {
  name?: Maybe<string>;
  image?: Maybe<string>;
  resources?: Maybe<{ requests?: Maybe<Record<string, string>>; limits?: Maybe<Record<string, string>> }>;
}

export interface Pod {
  metadata: ObjectMeta;
  spec?: Maybe<{ nodeName?: Maybe<string>; containers?: Maybe<Container[]>; initContainers?: Maybe<Container[]> }>;
  status?: Maybe<{
    phase?: Maybe<string>;
    reason?: Maybe<string>;
    podIP?: Maybe<string>;
    conditions?: Maybe<Condition[]>;
    containerStatuses?: Maybe<ContainerStatus[]>;
    initContainerStatuses?: Maybe<ContainerStatus[]>;
  }>;
}

export interface LabelSelector {
  matchLabels?: Maybe<Record<string, string>>;
  matchExpressions?: Maybe<{ key?: Maybe<string>; operator?: Maybe<string>; values?: Maybe<string[]> }[]>;
}

export interface Workload {
  metadata: ObjectMeta;
  spec?: Maybe<{
    replicas?: Maybe<number>;
    paused?: Maybe<boolean>;
    selector?: Maybe<LabelSelector | Record<string, string>>;
    template?: Maybe<{ spec?: Maybe<{ containers?: Maybe<Container[]> }> }>;
  }>;
  status?: Maybe<{
    replicas?: Maybe<number>;
    updatedReplicas?: Maybe<number>;
    readyReplicas?: Maybe<number>;
    availableReplicas?: Maybe<number>;
    unavailableReplicas?: Maybe<number>;
    conditions?: Maybe<Condition[]>;
  }>;
}

export interface Node {
  metadata: ObjectMeta;
  spec?: Maybe<{ unschedulable?: Maybe<boolean>; taints?: Maybe<{ key?: Maybe<string>; effect?: Maybe<string> }[]> }>;
  status?: Maybe<{
    capacity?: Maybe<Record<string, string>>;
    allocatable?: Maybe<Record<string, string>>;
    conditions?: Maybe<Condition[]>;
    addresses?: Maybe<{ type?: Maybe<string>; address?: Maybe<string> }[]>;
    nodeInfo?: Maybe<{ kubeletVersion?: Maybe<string>; osImage?: Maybe<string>; kernelVersion?: Maybe<string>; containerRuntimeVersion?: Maybe<string> }>;
  }>;
}

export interface KubeEvent {
  metadata: ObjectMeta;
  involvedObject?: Maybe<{ kind?: Maybe<string>; namespace?: Maybe<string>; name?: Maybe<string>; uid?: Maybe<string> }>;
  reason?: Maybe<string>;
  message?: Maybe<string>;
  type?: Maybe<string>;
  count?: Maybe<number>;
  firstTimestamp?: Maybe<string>;
  lastTimestamp?: Maybe<string>;
  eventTime?: Maybe<string>;
  source?: Maybe<{ component?: Maybe<string>; host?: Maybe<string> }>;
  reportingComponent?: Maybe<string>;
}

export interface Lease {
  metadata: ObjectMeta;
  spec?: Maybe<{ holderIdentity?: Maybe<string>; leaseDurationSeconds?: Maybe<number>; renewTime?: Maybe<string>; leaseTransitions?: Maybe<number> }>;
}

export interface Namespace {
  metadata: ObjectMeta;
  status?: Maybe<{ phase?: Maybe<string> }>;
}
