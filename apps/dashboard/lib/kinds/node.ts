import { age, ageMs } from '../format/age.ts';
import { formatBytes, formatCpu } from '../format/quantity.ts';
import { META, fieldsFor, type ColumnContext, type KindDef } from './kind.ts';
import type { Node } from './objects.ts';
import { nodeAllocatable } from './resources.ts';

export function nodeReady(node: Node): boolean {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
}

/** kubectl's STATUS: Ready/NotReady/Unknown, plus SchedulingDisabled when cordoned. */
export function nodeStatus(node: Node): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const base = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : ready.status === 'False' ? 'NotReady' : 'Unknown';
  return node.spec?.unschedulable ? `${base},SchedulingDisabled` : base;
}

/** Roles from `node-role.kubernetes.io/<role>` labels, as kubectl shows them. */
export function nodeRoles(node: Node): string {
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter(Boolean);
  return roles.length ? roles.sort().join(',') : '<none>';
}

export function nodeAddress(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

const requested = (node: Node, ctx: ColumnContext) => ctx.requestedByNode?.get(node.metadata.name ?? '');
const share = (used: number | undefined, total: number) => (total > 0 && Number.isFinite(total) ? Math.round(((used ?? 0) / total) * 100) : 0);

export const NodeKind: KindDef<Node> = {
  kind: 'Node',
  title: 'Nodes',
  path: 'nodes',
  namespaced: false,
  fields: fieldsFor('node', 'nodes'),
  listSelection: `${META} spec { unschedulable taints { key value effect } }
    status { capacity allocatable conditions { type status reason message lastHeartbeatTime } addresses { type address }
      nodeInfo { kubeletVersion osImage kernelVersion containerRuntimeVersion } }`,
  columns: [
    { id: 'status', header: 'Status', value: nodeStatus, tone: (n) => (nodeReady(n) ? (n.spec?.unschedulable ? 'yellow' : 'green') : 'red') },
    { id: 'roles', header: 'Roles', value: nodeRoles },
    { id: 'age', header: 'Age', value: (n, c) => age(n.metadata.creationTimestamp, c.now), sortValue: (n, c) => ageMs(n.metadata.creationTimestamp, c.now) },
    { id: 'version', header: 'Version', value: (n) => n.status?.nodeInfo?.kubeletVersion ?? '' },
    {
      id: 'cpu',
      header: 'CPU requests',
      value: (n, c) => `${formatCpu(requested(n, c)?.cpu ?? 0)}/${formatCpu(nodeAllocatable(n).cpu)} (${share(requested(n, c)?.cpu, nodeAllocatable(n).cpu)}%)`,
      sortValue: (n, c) => share(requested(n, c)?.cpu, nodeAllocatable(n).cpu),
    },
    {
      id: 'memory',
      header: 'Memory requests',
      value: (n, c) => `${formatBytes(requested(n, c)?.memory ?? 0)}/${formatBytes(nodeAllocatable(n).memory)} (${share(requested(n, c)?.memory, nodeAllocatable(n).memory)}%)`,
      sortValue: (n, c) => share(requested(n, c)?.memory, nodeAllocatable(n).memory),
    },
    { id: 'pods', header: 'Pods', value: (n, c) => `${requested(n, c)?.pods ?? 0}/${nodeAllocatable(n).pods}`, sortValue: (n, c) => requested(n, c)?.pods ?? 0 },
    { id: 'internalIp', header: 'Internal-IP', value: (n) => nodeAddress(n, 'InternalIP'), wide: true },
    { id: 'osImage', header: 'OS-Image', value: (n) => n.status?.nodeInfo?.osImage ?? '<unknown>', wide: true },
    { id: 'kernel', header: 'Kernel-Version', value: (n) => n.status?.nodeInfo?.kernelVersion ?? '<unknown>', wide: true },
    { id: 'runtime', header: 'Container-Runtime', value: (n) => n.status?.nodeInfo?.containerRuntimeVersion ?? '<unknown>', wide: true },
  ],
};
