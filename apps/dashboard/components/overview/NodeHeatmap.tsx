'use client';
import Link from 'next/link';
import { Group, Text } from '@mantine/core';
import { hrefFor } from '@/lib/kinds/registry.ts';
import { loadTone, type NodeLoad } from '@/lib/overview/node-load.ts';

const CELL = 22;
const FILL = { low: 'var(--mantine-color-teal-3)', medium: 'var(--mantine-color-teal-6)', high: 'var(--mantine-color-yellow-6)', full: 'var(--mantine-color-orange-7)' };
const pct = (n: number) => `${Math.round(n)}%`;

/**
 * One small square per node, the unhealthy first (red, crossed) then the busiest; the
 * colour is the highest of requested cpu, memory and pods. Each square links to the node.
 */
export function NodeHeatmap({ loads }: { loads: readonly NodeLoad[] }) {
  if (loads.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No nodes have registered yet.
      </Text>
    );
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 3 }} data-testid="node-heatmap">
        {loads.map((n) => {
          const label = `${n.name}: ${n.status}, requested cpu ${pct(n.cpu)}, memory ${pct(n.memory)}, pods ${pct(n.pods)}`;
          return (
            <Link
              key={n.name}
              href={hrefFor('Node', n.name)!}
              title={label}
              aria-label={label}
              data-testid="node-capacity"
              data-node={n.name}
              data-ready={n.ready}
              style={{
                width: CELL,
                height: CELL,
                borderRadius: 3,
                background: n.ready ? FILL[loadTone(n.load)] : 'repeating-linear-gradient(45deg, var(--mantine-color-red-7) 0 4px, var(--mantine-color-red-4) 4px 8px)',
                outline: n.status !== 'Ready' ? '2px solid var(--mantine-color-red-7)' : undefined,
              }}
            />
          );
        })}
      </div>
      <Group gap="md">
        {(
          [
            ['< 30%', FILL.low],
            ['30–70%', FILL.medium],
            ['70–90%', FILL.high],
            ['≥ 90%', FILL.full],
          ] as const
        ).map(([label, color]) => (
          <Group key={label} gap={4}>
            <span style={{ width: 12, height: 12, borderRadius: 2, background: color, display: 'inline-block' }} aria-hidden />
            <Text size="xs" c="dimmed">
              {label} requested
            </Text>
          </Group>
        ))}
        <Text size="xs" c="dimmed">
          striped red: not Ready
        </Text>
      </Group>
    </>
  );
}
