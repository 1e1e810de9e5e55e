'use client';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Group, Text } from '@mantine/core';

const COLORS: Record<string, string> = {
  Running: 'var(--mantine-color-teal-6)',
  Pending: 'var(--mantine-color-yellow-6)',
  Succeeded: 'var(--mantine-color-gray-6)',
  Failed: 'var(--mantine-color-red-6)',
  Unknown: 'var(--mantine-color-violet-6)',
};

/** Pods per phase as a bar chart, with the counts also as text (for screen readers and tests). */
export function PodPhaseChart({ counts }: { counts: { phase: string; count: number }[] }) {
  return (
    <>
      <div style={{ width: '100%', height: 140 }} aria-hidden>
        <ResponsiveContainer>
          <BarChart data={counts} margin={{ top: 8, right: 8, bottom: 0, left: -20 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="phase" tick={{ fontSize: 12, fill: 'var(--mantine-color-dimmed)' }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: 'var(--mantine-color-dimmed)' }} />
            <Tooltip cursor={{ fillOpacity: 0.1 }} />
            <Bar dataKey="count" isAnimationActive={false}>
              {counts.map((c) => (
                <Cell key={c.phase} fill={COLORS[c.phase]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Group gap="md">
        {counts.map((c) => (
          <Text key={c.phase} size="sm" data-testid={`phase-${c.phase}`}>
            {c.phase}: <b>{c.count}</b>
          </Text>
        ))}
      </Group>
    </>
  );
}
