// Builders for the tests (not exported from the package).
import { nodeInfoOf, type NodeInfo } from './node-info.js';
import type { Affinity, Container, Labels, Node, NodeCondition, Pod, ResourceList, Taint, Toleration } from './types.js';

export interface NodeOptions {
  labels?: Labels;
  cpu?: string | number;
  memory?: string | number;
  pods?: number;
  taints?: Taint[];
  unschedulable?: boolean;
  conditions?: NodeCondition[];
}

export function makeNode(name: string, o: NodeOptions = {}): Node {
  return {
    metadata: { name, ...(o.labels ? { labels: o.labels } : {}) },
    spec: { ...(o.unschedulable ? { unschedulable: true } : {}), ...(o.taints ? { taints: o.taints } : {}) },
    status: {
      allocatable: { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? 110 },
      ...(o.conditions ? { conditions: o.conditions } : {}),
    },
  };
}

export interface PodOptions {
  namespace?: string;
  labels?: Labels;
  nodeName?: string;
  requests?: ResourceList[];
  init?: Container[];
  overhead?: ResourceList;
  nodeSelector?: Labels;
  affinity?: Affinity;
  tolerations?: Toleration[];
  phase?: string;
}

export function makePod(name: string, o: PodOptions = {}): Pod {
  const containers: Container[] = (o.requests ?? [{}]).map((requests, i) => ({ name: `c${i}`, resources: { requests } }));
  return {
    metadata: { name, namespace: o.namespace ?? 'default', ...(o.labels ? { labels: o.labels } : {}) },
    spec: {
      containers,
      ...(o.init ? { initContainers: o.init } : {}),
      ...(o.overhead ? { overhead: o.overhead } : {}),
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
      ...(o.affinity ? { affinity: o.affinity } : {}),
      ...(o.tolerations ? { tolerations: o.tolerations } : {}),
    },
    ...(o.phase ? { status: { phase: o.phase } } : {}),
  };
}

export const info = (name: string, o: NodeOptions = {}, pods: Pod[] = []): NodeInfo => nodeInfoOf(makeNode(name, o), pods);
export const ctxOf = (nodeInfos: readonly NodeInfo[]) => ({ nodeInfos });
