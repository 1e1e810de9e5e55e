'use client';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useRouter } from 'next/navigation';
import { Background, Controls, MarkerType, ReactFlow, type Edge } from '@xyflow/react';
import { Box, useComputedColorScheme } from '@mantine/core';
import { hrefFor } from '@/lib/kinds/registry.ts';
import { columnX, COLUMNS, type TopologyEdge, type TopologyNode } from '@/lib/topology/build-graph.ts';
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

/** The detailed map (bounded by the caller): only the cards and edges in view are drawn. */
export function TopologyGraph({ graph, onFocus }: { graph: { nodes: TopologyNode[]; edges: TopologyEdge[] }; onFocus: (key: string) => void }) {
  const router = useRouter();
  const scheme = useComputedColorScheme('light');
  const flowNodes: (TopologyFlowNode | ColumnHeaderNode)[] = useMemo(
    () => [
      ...HEADERS,
      ...graph.nodes.map(
        (n): TopologyFlowNode => ({
          id: n.id,
          type: 'object',
          position: n.position,
          data: { item: n, onFocus },
          draggable: false,
          connectable: false,
          ariaLabel: `${n.kind} ${n.name}: ${n.status}`,
        }),
      ),
    ],
    [graph.nodes, onFocus],
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
    <Box h="70vh" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }} data-testid="topology">
      <ReactFlow
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        colorMode={scheme}
        nodesDraggable={false}
        nodesConnectable={false}
        onlyRenderVisibleElements
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
  );
}
