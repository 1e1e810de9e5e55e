'use client';
import Link from 'next/link';
import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { Workload } from '@/lib/kinds/objects.ts';
import { workloadHealth, workloadReady, workloadTone } from '@/lib/kinds/workload.ts';
import { hrefFor } from '@/lib/kinds/registry.ts';
import { healthCounts } from '@/lib/overview/summary.ts';

/** Healthy / progressing / degraded counts per workload kind, and the workloads that are not healthy. */
export function WorkloadHealth({ groups }: { groups: { kind: string; title: string; items: readonly Workload[] }[] }) {
  const unhealthy = groups.flatMap((g) => g.items.filter((w) => workloadHealth(w) !== 'healthy').map((w) => ({ kind: g.kind, w })));
  return (
    <Stack gap="sm">
      {groups.map((g) => {
        const counts = healthCounts(g.items);
        return (
          <Group key={g.kind} justify="space-between" data-testid={`health-${g.kind}`}>
            <Text size="sm" fw={600}>
              {g.title}
            </Text>
            <Group gap={6}>
              <Badge color="green" variant="light">
                {counts.healthy} healthy
              </Badge>
              <Badge color="yellow" variant="light">
                {counts.progressing} progressing
              </Badge>
              <Badge color="red" variant="light">
                {counts.degraded} degraded
              </Badge>
            </Group>
          </Group>
        );
      })}
      {unhealthy.length > 0 && (
        <Table fz="sm" aria-label="Workloads not at full availability">
          <Table.Tbody>
            {unhealthy.slice(0, 5).map(({ kind, w }) => (
              <Table.Tr key={w.metadata.uid}>
                <Table.Td>
                  <Anchor component={Link} href={hrefFor(kind, w.metadata.name ?? '', w.metadata.namespace)!} size="sm">
                    {kind.toLowerCase()}/{w.metadata.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge color={workloadTone(w)} variant="light">
                    {workloadReady(w)} ready
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
