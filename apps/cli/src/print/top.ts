/** kubectl top's tables: usage from the metrics API, percentages of the node's allocatable. */
import { quantityToBytes, quantityToMillis } from '@wheelhouse/resources';

export interface Usage {
  cpu: string;
  memory: string;
}

export interface MetricsItem {
  metadata: { name: string; namespace?: string | null };
  usage: Usage;
}

export interface NodeCapacity {
  name: string;
  allocatable?: Record<string, string> | null;
}

const MI = 1024n * 1024n;
const UNKNOWN = '<unknown>';

export const NODE_HEADERS = ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'];
export const podHeaders = (allNamespaces: boolean) => [...(allNamespaces ? ['NAMESPACE'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)'];

/** `250m`, `1024Mi`: millicores and whole mebibytes, as kubectl prints them. */
export const cpuText = (q: string) => `${quantityToMillis(q) ?? 0n}m`;
export const memoryText = (q: string) => `${(quantityToBytes(q) ?? 0n) / MI}Mi`;

/** kubectl truncates: 12.9% prints 12%. */
function percent(used: bigint | null, total: bigint | null): string {
  if (used === null || total === null || total === 0n) return UNKNOWN;
  return `${(used * 100n) / total}%`;
}

export type TopSort = 'cpu' | 'memory' | undefined;

/** Biggest first, as kubectl top --sort-by does; without a sort the order is kept. */
function sortedByUsage(metrics: MetricsItem[], sortBy: TopSort): MetricsItem[] {
  const amount = (m: MetricsItem) => (sortBy === 'cpu' ? quantityToMillis(m.usage.cpu) : quantityToBytes(m.usage.memory)) ?? 0n;
  return sortBy ? [...metrics].sort((a, b) => Number(amount(b) - amount(a))) : metrics;
}

/** One row per node, in node order (or by usage); nodes whose agent reported nothing come last as <unknown>, as kubectl does. */
export function nodeTopRows(nodes: NodeCapacity[], metrics: MetricsItem[], sortBy?: TopSort): string[][] {
  const byName = new Map(metrics.map((m) => [m.metadata.name, m.usage]));
  const order = sortedByUsage(metrics, sortBy).map((m) => m.metadata.name);
  const known = nodes.filter((n) => byName.has(n.name)).sort((a, b) => (sortBy ? order.indexOf(a.name) - order.indexOf(b.name) : 0));
  const unknown = nodes.filter((n) => !byName.has(n.name));
  return [
    ...known.map((n) => {
      const usage = byName.get(n.name)!;
      const cpu = percent(quantityToMillis(usage.cpu), n.allocatable?.cpu ? quantityToMillis(n.allocatable.cpu) : null);
      const memory = percent(quantityToBytes(usage.memory), n.allocatable?.memory ? quantityToBytes(n.allocatable.memory) : null);
      return [n.name, cpuText(usage.cpu), cpu, memoryText(usage.memory), memory];
    }),
    ...unknown.map((n) => [n.name, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN]),
  ];
}

export function podTopRows(metrics: MetricsItem[], options: { allNamespaces: boolean; sortBy?: TopSort }): string[][] {
  return sortedByUsage(metrics, options.sortBy).map((m) => [
    ...(options.allNamespaces ? [m.metadata.namespace ?? ''] : []),
    m.metadata.name,
    cpuText(m.usage.cpu),
    memoryText(m.usage.memory),
  ]);
}
