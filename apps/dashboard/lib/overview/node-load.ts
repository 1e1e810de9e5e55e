import { nodeReady, nodeStatus } from '@wheelhouse/printers';
import type { Node } from '../kinds/objects.ts';
import { nodeAllocatable, type ResourceTotals } from '../kinds/resources.ts';
import { percent } from './summary.ts';

/** One node as the overview shows it: readiness and requested share of what it can allocate. */
export interface NodeLoad {
  name: string;
  ready: boolean;
  status: string;
  cpu: number;
  memory: number;
  pods: number;
  /** The highest of the three percentages: how close the node is to full. */
  load: number;
}

const ZERO: ResourceTotals = { cpu: 0, memory: 0, pods: 0 };

/** Every node's load, the unhealthy first (not Ready, then cordoned), then the busiest, then by name. */
export function nodeLoads(nodes: readonly Node[], requested: ReadonlyMap<string, ResourceTotals>): NodeLoad[] {
  const loads = nodes.map((node): NodeLoad => {
    const name = node.metadata.name ?? '';
    const total = nodeAllocatable(node);
    const used = requested.get(name) ?? ZERO;
    const cpu = percent(used.cpu, total.cpu);
    const memory = percent(used.memory, total.memory);
    const pods = percent(used.pods, total.pods);
    return { name, ready: nodeReady(node), status: nodeStatus(node), cpu, memory, pods, load: Math.max(cpu, memory, pods) };
  });
  const rank = (n: NodeLoad) => (!n.ready ? 0 : n.status !== 'Ready' ? 1 : 2);
  return loads.sort((a, b) => rank(a) - rank(b) || b.load - a.load || a.name.localeCompare(b.name));
}

export interface ClusterCapacity {
  nodes: number;
  readyNodes: number;
  allocatable: ResourceTotals;
  requested: ResourceTotals;
}

/** Requests against allocatable summed over the Ready nodes (what the scheduler can still use). */
export function clusterCapacity(nodes: readonly Node[], requested: ReadonlyMap<string, ResourceTotals>): ClusterCapacity {
  const allocatable = { ...ZERO };
  const used = { ...ZERO };
  let readyNodes = 0;
  for (const node of nodes) {
    if (!nodeReady(node)) continue;
    readyNodes++;
    const total = nodeAllocatable(node);
    const r = requested.get(node.metadata.name ?? '') ?? ZERO;
    for (const k of ['cpu', 'memory', 'pods'] as const) {
      allocatable[k] += Number.isFinite(total[k]) ? total[k] : 0;
      used[k] += r[k];
    }
  }
  return { nodes: nodes.length, readyNodes, allocatable, requested: used };
}

/** The heatmap's colour steps of a load percentage. */
export function loadTone(load: number): 'low' | 'medium' | 'high' | 'full' {
  return load >= 90 ? 'full' : load >= 70 ? 'high' : load >= 30 ? 'medium' : 'low';
}
