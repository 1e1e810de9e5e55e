'use client';
import Link from 'next/link';
import { Anchor, Badge, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Node } from '@/lib/kinds/objects.ts';
import { nodeAllocatable, type ResourceTotals } from '@/lib/kinds/resources.ts';
import { nodeReady, nodeStatus } from '@wheelhouse/printers';
import { hrefFor } from '@/lib/kinds/registry.ts';
import { formatBytes, formatCpu } from '@/lib/format/quantity.ts';
import { percent } from '@/lib/overview/summary.ts';

function Bar({ label, used, total, format }: { label: string; used: number; total: number; format: (n: number) => string }) {
  const value = percent(used, total);
  return (
    <Stack gap={2}>
      <Group justify="space-between">
        <Text size="xs" fw={600}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {format(used)} / {format(total)} requested
        </Text>
      </Group>
      <Progress value={value} color={value > 90 ? 'red' : value > 70 ? 'yellow' : 'teal'} aria-label={`${label} requested ${Math.round(value)}%`} />
    </Stack>
  );
}

/** Each node's readiness and its requested cpu, memory and pods against what it can allocate (the node page; the overview shows a heatmap). */
export function NodeCapacity({ nodes, requested }: { nodes: readonly Node[]; requested: ReadonlyMap<string, ResourceTotals> }) {
  if (nodes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No nodes have registered yet.
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
      {[...nodes]
        .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))
        .map((node) => {
          const name = node.metadata.name ?? '';
          const total = nodeAllocatable(node);
          const used = requested.get(name) ?? { cpu: 0, memory: 0, pods: 0 };
          return (
            <Stack
              key={node.metadata.uid}
              gap="xs"
              p="sm"
              style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}
              data-testid="node-capacity"
              data-node={name}
            >
              <Group justify="space-between">
                <Anchor component={Link} href={hrefFor('Node', name)!} fw={600} size="sm">
                  {name}
                </Anchor>
                <Badge color={nodeReady(node) ? 'green' : 'red'} variant="light" tt="none">
                  {nodeStatus(node)}
                </Badge>
              </Group>
              <Bar label="CPU" used={used.cpu} total={total.cpu} format={formatCpu} />
              <Bar label="Memory" used={used.memory} total={total.memory} format={formatBytes} />
              <Bar label="Pods" used={used.pods} total={total.pods} format={(n) => (Number.isFinite(n) ? String(n) : '-')} />
            </Stack>
          );
        })}
    </SimpleGrid>
  );
}
