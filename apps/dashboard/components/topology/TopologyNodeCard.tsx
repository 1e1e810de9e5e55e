'use client';
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { ActionIcon, Badge, Group, Paper, Text } from '@mantine/core';
import { IconFocus2 } from '@tabler/icons-react';
import type { TopologyNode } from '@/lib/topology/build-graph.ts';

export type TopologyFlowNode = Node<{ item: TopologyNode; onFocus: (key: string) => void }, 'object'>;

/** One object on the map: kind, name and a status badge coloured like the lists; the icon focuses the map on it. */
export function TopologyNodeCard({ data }: NodeProps<TopologyFlowNode>) {
  const { item, onFocus } = data;
  return (
    <Paper withBorder shadow="xs" p={6} w={220} style={{ cursor: 'pointer' }} data-testid={`topology-${item.kind}-${item.name}`}>
      {item.kind !== 'Deployment' && item.kind !== 'Ingress' && <Handle type="target" position={Position.Left} isConnectable={false} />}
      <Group justify="space-between" wrap="nowrap" gap={4}>
        <Text size="xs" c="dimmed">
          {item.kind}
        </Text>
        <ActionIcon
          size="xs"
          variant="subtle"
          className="nodrag nopan"
          aria-label={`Focus on ${item.kind} ${item.name}`}
          title="Focus: this object and its neighbourhood"
          onClick={(e) => {
            e.stopPropagation();
            onFocus(`${item.kind}/${item.namespace ?? ''}/${item.name}`);
          }}
        >
          <IconFocus2 size={12} />
        </ActionIcon>
      </Group>
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
