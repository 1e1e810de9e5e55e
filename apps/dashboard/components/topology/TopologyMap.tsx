'use client';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useRouter } from 'next/navigation';
import { Background, Controls, MarkerType, ReactFlow, type Edge } from '@xyflow/react';
import { Alert, Box, Group, Stack, Text, Title, useComputedColorScheme } from '@mantine/core';
import { useLiveList } from '@/hooks/useLiveList.ts';
import { useUrlState } from '@/hooks/useUrlState.ts';
import { hrefFor, kindByName } from '@/lib/kinds/registry.ts';
import type { Node as KubeNode, Pod, Workload } from '@/lib/kinds/objects.ts';
import type { Ingress, Service } from '@wheelhouse/model';
import { buildTopology, columnX, COLUMNS } from '@/lib/topology/build-graph.ts';
import { LivePhaseBadge } from '@/components/list/LivePhaseBadge.tsx';
import { TopologyNodeCard, type TopologyFlowNode } from './TopologyNodeCard.tsx';
import { ColumnHeader, type ColumnHeaderNode } from './ColumnHeader.tsx';
import { FitOnGrowth } from './FitOnGrowth.tsx';

const nodeTypes = { object: TopologyNodeCard, header: ColumnHeader };
const HEADERS: ColumnHeaderNode[] = COLUMNS.map((kind) => ({
  id: `header/${kind}`,
  type: 'header',
  position: { x: columnX(kind), y: -56 },
  data: { title: `${kind}s` },
  draggable: false,
  selectable: false,
  focusable: false,
}));

/** Ingresses → Services → Pods and Deployments → ReplicaSets → Pods → Nodes of the chosen namespace, live from the same list+watch as the lists. */
export function TopologyMap() {
  const { namespace } = useUrlState();
  const router = useRouter();
  const scheme = useComputedColorScheme('light');
  const deployments = useLiveList<Workload>(kindByName('Deployment')!, { namespace });
  const replicaSets = useLiveList<Workload>(kindByName('ReplicaSet')!, { namespace });
  const pods = useLiveList<Pod>(kindByName('Pod')!, { namespace });
  const nodes = useLiveList<KubeNode>(kindByName('Node')!, {});
  const ingresses = useLiveList<Ingress>(kindByName('Ingress')!, { namespace });
  const services = useLiveList<Service>(kindByName('Service')!, { namespace });
  const lists = [deployments, replicaSets, pods, nodes, ingresses, services];
  const problem = lists.find((l) => l.problem)?.problem;
  const phase = lists.some((l) => l.phase === 'loading') ? 'loading' : lists.some((l) => l.phase === 'reconnecting') ? 'reconnecting' : 'live';

  const graph = useMemo(
    () =>
      buildTopology({ deployments: deployments.items, replicaSets: replicaSets.items, pods: pods.items, nodes: nodes.items, ingresses: ingresses.items, services: services.items }),
    [deployments.items, replicaSets.items, pods.items, nodes.items, ingresses.items, services.items],
  );
  const flowNodes: (TopologyFlowNode | ColumnHeaderNode)[] = useMemo(
    () => [
      ...HEADERS,
      ...graph.nodes.map(
        (n): TopologyFlowNode => ({
          id: n.id,
          type: 'object',
          position: n.position,
          data: { item: n },
          draggable: false,
          connectable: false,
          ariaLabel: `${n.kind} ${n.name}: ${n.status}`,
        }),
      ),
    ],
    [graph.nodes],
  );
  const flowEdges: Edge[] = useMemo(
    () =>
      graph.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        markerEnd: { type: MarkerType.ArrowClosed },
        style: e.relation === 'runs-on' ? { strokeDasharray: '4 3' } : undefined,
      })),
    [graph.edges],
  );

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Title order={2}>Topology</Title>
        <LivePhaseBadge phase={phase} />
        <Text size="sm" c="dimmed">
          {namespace ? `namespace ${namespace}` : 'all namespaces'} · solid: owns · dashed: runs on
        </Text>
      </Group>
      {problem && (
        <Alert color="red" role="alert">
          {problem.message}
        </Alert>
      )}
      <Box h="70vh" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }} data-testid="topology">
        <ReactFlow
          nodes={flowNodes}
          edges={flowEdges}
          nodeTypes={nodeTypes}
          colorMode={scheme}
          nodesDraggable={false}
          nodesConnectable={false}
          fitView
          fitViewOptions={{ padding: 0.1, maxZoom: 1 }}
          minZoom={0.1}
          onNodeClick={(_, node) => {
            if (node.type !== 'object') return;
            const { item } = (node as TopologyFlowNode).data;
            const href = hrefFor(item.kind, item.name, item.namespace);
            if (href) router.push(href);
          }}
        >
          <FitOnGrowth count={graph.nodes.length} />
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </Box>
      {phase !== 'loading' && graph.nodes.length === 0 && <Text c="dimmed">No Deployments, ReplicaSets or Pods here.</Text>}
    </Stack>
  );
}
