'use client';
import { useState } from 'react';
import { Badge, Button, Group, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import type { TopologyGroup } from '@/lib/topology/groups.ts';

/** Groups shown at first; more on demand (a namespace of 1,000 Deployments stays light). */
const PAGE = 60;

/** The map above the detail limit: one card per group with counts and health; a card opens its group. */
export function TopologyGroups({ groups, onOpen }: { groups: readonly TopologyGroup[]; onOpen: (group: TopologyGroup) => void }) {
  const [shown, setShown] = useState(PAGE);
  return (
    <Stack gap="sm" data-testid="topology">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3, xl: 4 }} spacing="xs">
        {groups.slice(0, shown).map((g) => (
          <UnstyledButton
            key={g.id}
            onClick={() => onOpen(g)}
            data-testid={`topology-group-${g.label}`}
            aria-label={`${g.label}: ${g.pods} pods, ${g.healthyPods} healthy${g.failing ? `, ${g.failing} failing` : ''}. Open`}
            style={{ border: '1px solid var(--mantine-color-default-border)', borderLeft: `4px solid var(--mantine-color-${g.tone}-6)`, borderRadius: 4, padding: 8 }}
          >
            <Text size="sm" fw={600} truncate="end" title={g.label}>
              {g.label}
            </Text>
            <Group gap={4} mt={4}>
              {g.by !== 'node' && g.deployments > 0 && (
                <Badge size="xs" variant="light" color="gray">
                  {g.deployments} deployments
                </Badge>
              )}
              <Badge size="xs" variant="light" color={g.tone}>
                {g.healthyPods}/{g.pods} pods healthy
              </Badge>
              {g.failing > 0 && (
                <Badge size="xs" variant="filled" color="red">
                  {g.failing} failing
                </Badge>
              )}
            </Group>
          </UnstyledButton>
        ))}
      </SimpleGrid>
      {groups.length > shown && (
        <Button variant="subtle" onClick={() => setShown((n) => n + PAGE * 4)}>
          Show more ({groups.length - shown} more groups)
        </Button>
      )}
    </Stack>
  );
}
