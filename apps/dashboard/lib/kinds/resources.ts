import { parseQuantity } from '../format/quantity.ts';
import type { Container, Node, Pod } from './objects.ts';

export interface ResourceTotals {
  cpu: number;
  memory: number;
  pods: number;
}

const finished = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/**
 * A pod's effective request as the scheduler counts it: the sum over containers, or the
 * largest init container when that is higher.
 */
export function podRequests(pod: Pod): ResourceTotals {
  const sum = (containers: readonly Container[] | null | undefined, resource: string) =>
    (containers ?? []).reduce((total, c) => total + (parseQuantity(c.resources?.requests?.[resource]) || 0), 0);
  const max = (containers: readonly Container[] | null | undefined, resource: string) =>
    Math.max(0, ...(containers ?? []).map((c) => parseQuantity(c.resources?.requests?.[resource]) || 0));
  const of = (resource: string) => Math.max(sum(pod.spec?.containers, resource), max(pod.spec?.initContainers, resource));
  return { cpu: of('cpu'), memory: of('memory'), pods: 1 };
}

/** Requested totals per node name over the pods bound to it and not finished. */
// Watch batches replace a few pod objects: the others' requests are not parsed again.
const requestsOf = new WeakMap<Pod, ResourceTotals>();
function cachedRequests(pod: Pod): ResourceTotals {
  const cached = requestsOf.get(pod);
  if (cached) return cached;
  const r = podRequests(pod);
  requestsOf.set(pod, r);
  return r;
}

export function requestedByNode(pods: readonly Pod[]): Map<string, ResourceTotals> {
  const totals = new Map<string, ResourceTotals>();
  for (const pod of pods) {
    const node = pod.spec?.nodeName;
    if (!node || finished(pod)) continue;
    const r = cachedRequests(pod);
    const t = totals.get(node) ?? { cpu: 0, memory: 0, pods: 0 };
    totals.set(node, { cpu: t.cpu + r.cpu, memory: t.memory + r.memory, pods: t.pods + r.pods });
  }
  return totals;
}

/** What the scheduler may place on the node (allocatable, else capacity). */
export function nodeAllocatable(node: Node): ResourceTotals {
  const of = (r: string) => parseQuantity(node.status?.allocatable?.[r] ?? node.status?.capacity?.[r]);
  return { cpu: of('cpu'), memory: of('memory'), pods: of('pods') };
}
