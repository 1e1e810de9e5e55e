/** describe node's "Non-terminated Pods" and "Allocated resources" (kubectl's describeNodeResource). */
import type { Container, Node, Pod } from '@wheelhouse/model';
import { age } from '../duration.js';
import { addQuantities, formatQuantity, parseQuantity, percentOf, type Quantity, ZERO } from '../quantity.js';
import { formatTable } from '../table.js';
import { indent } from './format.js';

type Amounts = Map<string, Quantity>;

function add(into: Amounts, resource: string, q: Quantity) {
  into.set(resource, addQuantities(into.get(resource) ?? ZERO, q));
}

function containerAmounts(containers: readonly Container[] | null | undefined, pick: 'requests' | 'limits'): Amounts[] {
  return (containers ?? []).map((c) => {
    const amounts: Amounts = new Map();
    for (const [resource, text] of Object.entries(c.resources?.[pick] ?? {})) {
      const q = parseQuantity(text);
      if (q) amounts.set(resource, q);
    }
    return amounts;
  });
}

/** resourcehelper.PodRequestsAndLimits: the containers' sum, raised to any larger init container, plus overhead. */
export function podAmounts(pod: Pod, pick: 'requests' | 'limits'): Amounts {
  const total: Amounts = new Map();
  for (const amounts of containerAmounts(pod.spec?.containers, pick)) for (const [r, q] of amounts) add(total, r, q);
  for (const amounts of containerAmounts(pod.spec?.initContainers, pick)) for (const [r, q] of amounts) if (q.milli > (total.get(r)?.milli ?? 0n)) total.set(r, q);
  for (const [r, text] of Object.entries(pod.spec?.overhead ?? {})) {
    const q = parseQuantity(text);
    if (q && (pick === 'requests' || total.has(r))) add(total, r, q);
  }
  return total;
}

const finished = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** `100m (5%)` against the node's allocatable (capacity when allocatable is empty). */
function withPercent(amounts: Amounts, resource: string, allocatable: Amounts): string {
  const q = amounts.get(resource) ?? ZERO;
  return `${formatQuantity(q)} (${percentOf(q, allocatable.get(resource))}%)`;
}

const dashes = (headers: string[]) => headers.map((h) => '-'.repeat(h.length));

export function nodeResourcesText(node: Node, podsOnNode: readonly Pod[], now: number): string {
  const source = Object.keys(node.status?.allocatable ?? {}).length ? node.status?.allocatable : node.status?.capacity;
  const allocatable: Amounts = new Map();
  for (const [r, text] of Object.entries(source ?? {})) {
    const q = parseQuantity(text);
    if (q) allocatable.set(r, q);
  }
  const pods = podsOnNode.filter((p) => !finished(p));
  const podHeaders = ['Namespace', 'Name', 'CPU Requests', 'CPU Limits', 'Memory Requests', 'Memory Limits', 'Age'];
  const totalRequests: Amounts = new Map();
  const totalLimits: Amounts = new Map();
  const podRows = pods.map((pod) => {
    const requests = podAmounts(pod, 'requests');
    const limits = podAmounts(pod, 'limits');
    for (const [r, q] of requests) add(totalRequests, r, q);
    for (const [r, q] of limits) add(totalLimits, r, q);
    return [
      pod.metadata.namespace ?? '',
      pod.metadata.name ?? '',
      withPercent(requests, 'cpu', allocatable),
      withPercent(limits, 'cpu', allocatable),
      withPercent(requests, 'memory', allocatable),
      withPercent(limits, 'memory', allocatable),
      age(pod.metadata.creationTimestamp, now),
    ];
  });
  const allocatedHeaders = ['Resource', 'Requests', 'Limits'];
  // cpu and memory with percentages, then every other resource pods ask for, by name, as kubectl lists them.
  const others = [...new Set([...totalRequests.keys(), ...totalLimits.keys(), 'ephemeral-storage'])].filter((r) => r !== 'cpu' && r !== 'memory').sort();
  const allocatedRows = [
    ...['cpu', 'memory'].map((r) => [r, withPercent(totalRequests, r, allocatable), withPercent(totalLimits, r, allocatable)]),
    ...others.map((r) => [r, formatQuantity(totalRequests.get(r) ?? ZERO), formatQuantity(totalLimits.get(r) ?? ZERO)]),
  ];
  return [
    `Non-terminated Pods:  (${pods.length} in total)`,
    indent(formatTable(podHeaders, [dashes(podHeaders), ...podRows]), 2),
    'Allocated resources:',
    '  (Total limits may be over 100 percent, i.e., overcommitted.)',
    indent(formatTable(allocatedHeaders, [dashes(allocatedHeaders), ...allocatedRows]), 2),
  ].join('\n');
}
