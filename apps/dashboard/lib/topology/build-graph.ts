import type { AnyObject, Node, Pod, Workload } from '../kinds/objects.ts';
import type { Tone } from '../kinds/kind.ts';
import { nodeReady, nodeStatus, podStatus } from '@wheelhouse/printers';
import { podTone } from '../kinds/pod.ts';
import { workloadReady, workloadTone } from '../kinds/workload.ts';
import type { Ingress, Service } from '@wheelhouse/model';
import { routeLinks } from './service-routes.ts';

export type TopologyKind = 'Ingress' | 'Service' | 'Deployment' | 'ReplicaSet' | 'Pod' | 'Node';

/** Left to right: how traffic comes in (Ingress → Service), who owns whom, then where pods run. */
export const COLUMNS: readonly TopologyKind[] = ['Ingress', 'Service', 'Deployment', 'ReplicaSet', 'Pod', 'Node'];
export const COLUMN_WIDTH = 280;
/** Deployments stay at x = 0; the traffic columns sit to their left. */
export const columnX = (kind: TopologyKind) => (COLUMNS.indexOf(kind) - COLUMNS.indexOf('Deployment')) * COLUMN_WIDTH;
export const ROW_HEIGHT = 88;

export interface TopologyNode {
  id: string;
  kind: TopologyKind;
  name: string;
  namespace?: string;
  /** A short status: ready x/y, pod phase, node readiness. */
  status: string;
  tone: Tone;
  position: { x: number; y: number };
}

export interface TopologyEdge {
  id: string;
  source: string;
  target: string;
  /** ownership (controller reference), placement (spec.nodeName), an Ingress backend, a Service selector */
  relation: 'owns' | 'runs-on' | 'routes' | 'selects';
}

export interface TopologyInput {
  deployments: readonly Workload[];
  replicaSets: readonly Workload[];
  pods: readonly Pod[];
  nodes: readonly Node[];
  ingresses?: readonly Ingress[];
  services?: readonly Service[];
}

const idOf = (kind: TopologyKind, o: AnyObject) => `${kind}/${o.metadata.uid ?? `${o.metadata.namespace ?? ''}/${o.metadata.name}`}`;

/**
 * The graph of Deployments → ReplicaSets → Pods → Nodes from owner references and
 * spec.nodeName. Nodes appear only when they run one of the pods. Each kind is a
 * column; rows follow the owners' order so edges run mostly straight across.
 */
export function buildTopology(input: TopologyInput): { nodes: TopologyNode[]; edges: TopologyEdge[] } {
  const byName = (a: AnyObject, b: AnyObject) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
  const deployments = [...input.deployments].sort(byName);
  const deploymentIds = new Map(deployments.map((d) => [d.metadata.uid, idOf('Deployment', d)]));
  const rsIds = new Map(input.replicaSets.map((r) => [r.metadata.uid, idOf('ReplicaSet', r)]));
  const nodeByName = new Map(input.nodes.map((n) => [n.metadata.name, n]));

  const edges: TopologyEdge[] = [];
  const ownerId = (o: AnyObject, owners: Map<string | null | undefined, string>) => {
    const refs = o.metadata.ownerReferences ?? [];
    const ref = refs.find((r) => r.controller && owners.has(r.uid)) ?? refs.find((r) => owners.has(r.uid));
    return ref ? owners.get(ref.uid) : undefined;
  };

  // Order each column by its owner's row, then by name; unowned objects come last.
  const ordered = <T extends AnyObject>(objects: readonly T[], owners: Map<string | null | undefined, string>, ownerRow: Map<string, number>) =>
    objects
      .map((o) => ({ o, row: ownerRow.get(ownerId(o, owners) ?? '') ?? Infinity }))
      .sort((a, b) => (a.row === b.row ? byName(a.o, b.o) : a.row - b.row))
      .map(({ o }) => o);

  const rows = new Map<string, number>();
  for (const [i, d] of deployments.entries()) rows.set(idOf('Deployment', d), i);
  const replicaSets = ordered(input.replicaSets, deploymentIds, rows);
  for (const [i, r] of replicaSets.entries()) rows.set(idOf('ReplicaSet', r), i);
  const pods = ordered(input.pods, rsIds, rows);
  for (const [i, p] of pods.entries()) rows.set(idOf('Pod', p), i);

  const used = new Set<Node>();
  for (const pod of pods) {
    const node = pod.spec?.nodeName ? nodeByName.get(pod.spec.nodeName) : undefined;
    if (node) used.add(node);
  }
  const usedNodes = [...used];

  const nodes: TopologyNode[] = [];
  const place = (kind: TopologyKind, o: AnyObject, row: number, status: string, tone: Tone): void => {
    nodes.push({
      id: idOf(kind, o),
      kind,
      name: o.metadata.name ?? '',
      namespace: o.metadata.namespace ?? undefined,
      status,
      tone,
      position: { x: columnX(kind), y: row * ROW_HEIGHT },
    });
  };

  for (const [i, d] of deployments.entries()) place('Deployment', d, i, `ready ${workloadReady(d)}`, workloadTone(d));
  replicaSets.forEach((r, i) => {
    place('ReplicaSet', r, i, `ready ${workloadReady(r)}`, workloadTone(r));
    const owner = ownerId(r, deploymentIds);
    if (owner) edges.push({ id: `${owner}->${idOf('ReplicaSet', r)}`, source: owner, target: idOf('ReplicaSet', r), relation: 'owns' });
  });
  pods.forEach((p, i) => {
    place('Pod', p, i, podStatus(p), podTone(p));
    const owner = ownerId(p, rsIds);
    if (owner) edges.push({ id: `${owner}->${idOf('Pod', p)}`, source: owner, target: idOf('Pod', p), relation: 'owns' });
    const node = p.spec?.nodeName ? nodeByName.get(p.spec.nodeName) : undefined;
    if (node) edges.push({ id: `${idOf('Pod', p)}->${idOf('Node', node)}`, source: idOf('Pod', p), target: idOf('Node', node), relation: 'runs-on' });
  });
  for (const [i, n] of usedNodes.entries()) place('Node', n, i, nodeStatus(n), nodeReady(n) ? 'green' : 'red');
  // Ingress → Service → Pod: Services in the row order of their first pod, Ingresses in their first Service's.
  const links = routeLinks(input.ingresses ?? [], input.services ?? [], pods);
  const firstRow = new Map<Service, number>();
  for (const [s, p] of links.selects) firstRow.set(s, Math.min(firstRow.get(s) ?? Infinity, rows.get(idOf('Pod', p)) ?? Infinity));
  const firstPodRow = (s: Service) => firstRow.get(s) ?? Infinity;
  const services = [...links.services].sort((a, b) => firstPodRow(a) - firstPodRow(b) || byName(a, b));
  for (const [i, s] of services.entries()) place('Service', s, i, s.spec?.type ?? 'ClusterIP', 'blue');
  for (const [s, p] of links.selects) edges.push({ id: `${idOf('Service', s)}->${idOf('Pod', p)}`, source: idOf('Service', s), target: idOf('Pod', p), relation: 'selects' });
  const ingresses = [...new Set(links.routes.map(([i]) => i))];
  for (const [i, ing] of ingresses.entries()) {
    const address = (ing.status?.loadBalancer?.ingress ?? [])
      .map((a) => a.ip || a.hostname)
      .filter(Boolean)
      .join(',');
    place('Ingress', ing, i, address || 'no address', address ? 'green' : 'yellow');
  }
  for (const [ing, s] of links.routes)
    edges.push({ id: `${idOf('Ingress', ing)}->${idOf('Service', s)}`, source: idOf('Ingress', ing), target: idOf('Service', s), relation: 'routes' });
  return { nodes, edges };
}
