import type { Node } from '@wheelhouse/model';
import { nodeReady } from '@wheelhouse/printers';
import { formatBytes, formatCpu } from '../format/quantity.ts';
import { META, type ColumnContext } from './kind.ts';
import { listKind } from './list-kind.ts';
import { printerColumns } from './printer-columns.ts';
import { nodeAllocatable } from './resources.ts';

const requested = (node: Node, ctx: ColumnContext) => ctx.requestedByNode?.get(node.metadata.name ?? '');
const share = (used: number | undefined, total: number) => (total > 0 && Number.isFinite(total) ? Math.round(((used ?? 0) / total) * 100) : 0);

export const NodeKind = listKind('Node', {
  listSelection: `${META} spec { unschedulable taints { key value effect } }
    status { capacity allocatable conditions { type status reason message lastHeartbeatTime } addresses { type address }
      nodeInfo { kubeletVersion osImage kernelVersion containerRuntimeVersion } }`,
  columns: printerColumns('Node', { status: { tone: (n) => (nodeReady(n) ? (n.spec?.unschedulable ? 'yellow' : 'green') : 'red') } }, [
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
  ]),
});
