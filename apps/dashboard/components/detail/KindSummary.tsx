'use client';
import { Group, Paper, Text } from '@mantine/core';
import { Cell } from '@/components/list/Cell.tsx';
import { kindByName } from '@/lib/kinds/registry.ts';
import type { AnyObject } from '@/lib/kinds/objects.ts';

/** The kind's list columns as a one-line summary at the top of the detail page (status, ready, age…). */
export function KindSummary({ kind, object, now }: { kind: string; object: AnyObject; now: number }) {
  const def = kindByName(kind);
  if (!def) return null;
  return (
    <Paper withBorder p="sm" data-testid="summary">
      <Group gap="xl">
        {def.columns
          .filter((c) => !['cpu', 'memory', 'pods'].includes(c.id))
          .map((c) => {
            const value = c.value(object, { now });
            return (
              <div key={c.id} data-summary={c.id}>
                <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                  {c.header}
                </Text>
                <Text size="sm" component="div">
                  {value === '' ? '—' : <Cell column={c} row={object} ctx={{ now }} />}
                </Text>
              </div>
            );
          })}
      </Group>
    </Paper>
  );
}
