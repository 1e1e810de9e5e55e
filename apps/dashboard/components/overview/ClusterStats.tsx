'use client';
import Link from 'next/link';
import { Anchor, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatBytes, formatCpu } from '@/lib/format/quantity.ts';
import { percent } from '@/lib/overview/summary.ts';
import type { ClusterCapacity, NodeLoad } from '@/lib/overview/node-load.ts';
import { hrefFor } from '@/lib/kinds/registry.ts';

function Stat({ label, value, detail, share, testId }: { label: string; value: string; detail: string; share?: number; testId: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Stack gap={4}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {label}
        </Text>
        <Text fw={700} size="xl">
          {value}
        </Text>
        {share !== undefined && <Progress value={share} color={share > 90 ? 'red' : share > 70 ? 'yellow' : 'teal'} aria-label={`${label} ${Math.round(share)}%`} />}
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The cluster at a glance: nodes Ready, and requests against what the Ready nodes can allocate. */
export function ClusterStats({ capacity, notReady }: { capacity: ClusterCapacity; notReady: readonly NodeLoad[] }) {
  const { allocatable, requested } = capacity;
  const share = (k: 'cpu' | 'memory' | 'pods') => percent(requested[k], allocatable[k]);
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      <Paper withBorder p="sm" data-testid="stat-nodes">
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Nodes Ready
          </Text>
          <Text fw={700} size="xl" c={notReady.length > 0 ? 'red' : undefined}>
            {capacity.readyNodes} / {capacity.nodes}
          </Text>
          {notReady.length === 0 ? (
            <Text size="xs" c="dimmed">
              all nodes Ready
            </Text>
          ) : (
            <Text size="xs" c="red" data-testid="nodes-not-ready">
              not Ready:{' '}
              {notReady.slice(0, 3).map((n, i) => (
                <span key={n.name}>
                  {i > 0 && ', '}
                  <Anchor component={Link} href={hrefFor('Node', n.name)!} size="xs" c="red">
                    {n.name}
                  </Anchor>
                </span>
              ))}
              {notReady.length > 3 && ` and ${notReady.length - 3} more`}
            </Text>
          )}
        </Stack>
      </Paper>
      <Stat
        label="CPU requested"
        testId="stat-cpu"
        value={`${Math.round(share('cpu'))}%`}
        share={share('cpu')}
        detail={`${formatCpu(requested.cpu)} of ${formatCpu(allocatable.cpu)}`}
      />
      <Stat
        label="Memory requested"
        testId="stat-memory"
        value={`${Math.round(share('memory'))}%`}
        share={share('memory')}
        detail={`${formatBytes(requested.memory)} of ${formatBytes(allocatable.memory)}`}
      />
      <Stat label="Pod slots used" testId="stat-pods" value={`${Math.round(share('pods'))}%`} share={share('pods')} detail={`${requested.pods} of ${allocatable.pods} pods`} />
    </SimpleGrid>
  );
}
