'use client';
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { Badge, Paper, Text } from '@mantine/core';
import type { TopologyNode } from '@/lib/topology/build-graph.ts';

export type TopologyFlowNode = Node<{ item: TopologyNode }, 'object'>;

/** One object on the map: kind, name and a status badge coloured like the lists. */
export function TopologyNodeCard({ data }: NodeProps<TopologyFlowNode>) {
  const { item } = data;
  return (
    <Paper withBorder shadow="xs" p={6} w={220} style={{ cursor: 'pointer' }} data-testid={`topology-${item.kind}-${item.name}`}>
      {item.kind !== 'Deployment' && item.kind !== 'Ingress' && <Handle type="target" position={Position.Left} isConnectable={false} />}
      <Text size="xs" c="dimmed">
        {item.kind}
      </Text>
      <Text size="sm" fw={600} truncate="end" title={item.name}>
        {item.name}
      </Text>
      <Badge size="xs" color={item.tone} variant="light">
        {item.status}
      </Badge>
      {item.kind !== 'Node' && <Handle type="source" position={Position.Right} isConnectable={false} />}
    </Paper>
  );
}
