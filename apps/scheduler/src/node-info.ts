// NodeInfo: one node with the pods bound (or assumed) to it and what they request —
// the scheduler cache's view of a node, built purely from lists of nodes and pods.
import { quantityToBytes, quantityToMillis } from '@wheelhouse/resources';
import { addResources, podRequests, ZERO, type Resources } from './pod-requests.js';
import type { Node, Pod, Taint } from '@wheelhouse/model';

export interface Allocatable extends Resources {
  readonly pods: number;
}

export interface NodeInfo {
  readonly name: string;
  readonly node: Node;
  /** spec.taints plus the NoSchedule taints the node lifecycle controller derives from conditions. */
  readonly taints: readonly Taint[];
  readonly pods: readonly Pod[];
  /** Pods with any pod (anti-)affinity: the only ones inter-pod affinity scoring must visit for a pod without its own terms. */
  readonly podsWithAffinity: readonly Pod[];
  /** Pods with required anti-affinity: the only ones the filter must visit for a pod without its own terms. */
  readonly podsWithRequiredAntiAffinity: readonly Pod[];
  readonly allocatable: Allocatable;
  /** Sum of the pods' effective requests (what NodeResourcesFit checks). */
  readonly requested: Resources;
  /** The same with the 100m / 200Mi defaults for missing requests (what scoring uses). */
  readonly nonZeroRequested: Resources;
}

// TaintNodesByCondition (pkg/controller/nodelifecycle): condition → NoSchedule taint key.
const CONDITION_TAINTS: readonly (readonly [type: string, status: string, key: string])[] = [
  ['Ready', 'False', 'node.kubernetes.io/not-ready'],
  ['Ready', 'Unknown', 'node.kubernetes.io/unreachable'],
  ['MemoryPressure', 'True', 'node.kubernetes.io/memory-pressure'],
  ['DiskPressure', 'True', 'node.kubernetes.io/disk-pressure'],
  ['PIDPressure', 'True', 'node.kubernetes.io/pid-pressure'],
  ['NetworkUnavailable', 'True', 'node.kubernetes.io/network-unavailable'],
];
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** The node's taints as the node lifecycle controller would leave them. */
export function effectiveTaints(node: Node): Taint[] {
  const taints = [...(node.spec?.taints ?? [])];
  const has = (key: string) => taints.some((t) => t.key === key && t.effect === 'NoSchedule');
  const derived: string[] = [];
  for (const condition of node.status?.conditions ?? []) {
    for (const [type, status, key] of CONDITION_TAINTS) {
      if (condition.type === type && condition.status === status) derived.push(key);
    }
  }
  if (node.spec?.unschedulable) derived.push(TAINT_NODE_UNSCHEDULABLE);
  for (const key of derived) if (!has(key)) taints.push({ key, effect: 'NoSchedule' });
  return taints;
}

function allocatableOf(node: Node): Allocatable {
  const list = node.status?.allocatable ?? {};
  const num = (v: bigint | null) => (v === null ? 0 : Number(v));
  return {
    milliCPU: list.cpu === undefined ? 0 : num(quantityToMillis(list.cpu)),
    memory: list.memory === undefined ? 0 : num(quantityToBytes(list.memory)),
    pods: list.pods === undefined ? 0 : num(quantityToBytes(list.pods)),
  };
}

const hasAffinity = (pod: Pod) => Boolean(pod.spec?.affinity?.podAffinity || pod.spec?.affinity?.podAntiAffinity);
const hasRequiredAntiAffinity = (pod: Pod) => (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0;

// Nodes are replaced, never mutated: their derived parts are computed once per object.
const derived = new WeakMap<Node, { taints: Taint[]; allocatable: Allocatable }>();
function derivedOf(node: Node) {
  let d = derived.get(node);
  if (!d) {
    d = { taints: effectiveTaints(node), allocatable: allocatableOf(node) };
    derived.set(node, d);
  }
  return d;
}

/** A NodeInfo for `node` holding `pods` (all assumed to be bound to it). */
export function nodeInfoOf(node: Node, pods: readonly Pod[] = []): NodeInfo {
  let requested = ZERO;
  let nonZeroRequested = ZERO;
  for (const pod of pods) {
    requested = addResources(requested, podRequests(pod));
    nonZeroRequested = addResources(nonZeroRequested, podRequests(pod, true));
  }
  return {
    name: node.metadata.name ?? '',
    node,
    taints: derivedOf(node).taints,
    pods: [...pods],
    podsWithAffinity: pods.filter(hasAffinity),
    podsWithRequiredAntiAffinity: pods.filter(hasRequiredAntiAffinity),
    allocatable: derivedOf(node).allocatable,
    requested,
    nonZeroRequested,
  };
}

const isTerminal = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/**
 * One NodeInfo per node, in the given order. Pods count on the node named by
 * spec.nodeName; unbound pods, pods on unknown nodes and finished pods (Succeeded or
 * Failed, which the scheduler's informer filters out) are ignored.
 */
export function nodeInfos(nodes: readonly Node[], pods: readonly Pod[]): NodeInfo[] {
  const byNode = new Map<string, Pod[]>(nodes.map((n) => [n.metadata.name ?? '', []]));
  for (const pod of pods) {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName || isTerminal(pod)) continue;
    byNode.get(nodeName)?.push(pod);
  }
  return nodes.map((node) => nodeInfoOf(node, byNode.get(node.metadata.name ?? '')!));
}

/** The NodeInfo after `pod` is assumed onto it (a new value; the input is untouched). */
export function assume(nodeInfo: NodeInfo, pod: Pod): NodeInfo {
  const bound: Pod = { ...pod, spec: { ...pod.spec, nodeName: nodeInfo.name } };
  return {
    ...nodeInfo,
    pods: [...nodeInfo.pods, bound],
    podsWithAffinity: hasAffinity(bound) ? [...nodeInfo.podsWithAffinity, bound] : nodeInfo.podsWithAffinity,
    podsWithRequiredAntiAffinity: hasRequiredAntiAffinity(bound) ? [...nodeInfo.podsWithRequiredAntiAffinity, bound] : nodeInfo.podsWithRequiredAntiAffinity,
    requested: addResources(nodeInfo.requested, podRequests(pod)),
    nonZeroRequested: addResources(nodeInfo.nonZeroRequested, podRequests(pod, true)),
  };
}

/** `infos` with `pod` assumed onto the node called `nodeName`. */
export function assumeOn(infos: readonly NodeInfo[], nodeName: string, pod: Pod): NodeInfo[] {
  return infos.map((info) => (info.name === nodeName ? assume(info, pod) : info));
}
