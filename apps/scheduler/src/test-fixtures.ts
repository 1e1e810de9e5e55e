// Builders for the tests (not exported from the package).
import { nodeInfoOf, type NodeInfo } from './node-info.js';
import type { Affinity, Condition, Container, Node, Pod, Taint, Toleration } from '@wheelhouse/model';
import type { Labels, ResourceList } from './types.js';

export interface NodeOptions {
  labels?: Labels;
  cpu?: string | number;
  memory?: string | number;
  pods?: number;
  taints?: Taint[];
  unschedulable?: boolean;
  conditions?: Condition[];
}

export function makeNode(name: string, o: NodeOptions = {}): Node {
  return {
    metadata: { name, ...(o.labels ? { labels: o.labels } : {}) },
    spec: { ...(o.unschedulable ? { unschedulable: true } : {}), ...(o.taints ? { taints: o.taints } : {}) },
    status: {
      allocatable: { cpu: String(o.cpu ?? '4'), memory: String(o.memory ?? '8Gi'), pods: String(o.pods ?? 110) },
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
  const containers: Container[] = (o.requests ?? [{}]).map((requests, i) => ({ name: `c${i}`, resources: { requests: quantities(requests) } }));
  return {
    metadata: { name, namespace: o.namespace ?? 'default', ...(o.labels ? { labels: o.labels } : {}) },
    spec: {
      containers,
      ...(o.init ? { initContainers: o.init } : {}),
      ...(o.overhead ? { overhead: quantities(o.overhead) } : {}),
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

/** Quantities as the API writes them (strings); the tests may give plain numbers. */
function quantities(list: ResourceList): Record<string, string> {
  return Object.fromEntries(Object.entries(list).map(([name, value]) => [name, String(value)]));
}
