// The Node, Pod and taint shapes the node lifecycle decisions read (Kubernetes JSON).
import type { ConditionStatus, PodCondition, Timestamp } from '../common/types.js';

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
  /** Set for NoExecute taints: when the clock of their tolerationSeconds starts. */
  timeAdded?: Timestamp;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number | null;
}

export interface NodeCondition {
  type: string;
  status: ConditionStatus;
  reason?: string;
  message?: string;
  lastHeartbeatTime?: Timestamp;
  lastTransitionTime?: Timestamp;
}

export interface LifecycleNode {
  metadata: { name: string; uid?: string; creationTimestamp?: Timestamp; resourceVersion?: string; labels?: Record<string, string> };
  spec?: { unschedulable?: boolean; taints?: Taint[] };
  status?: { conditions?: NodeCondition[] };
}

export interface LifecyclePod {
  metadata: { namespace?: string; name: string; uid?: string; resourceVersion?: string; creationTimestamp?: Timestamp; deletionTimestamp?: Timestamp };
  spec?: { nodeName?: string; tolerations?: Toleration[] };
  status?: { phase?: string; conditions?: PodCondition[] };
}
