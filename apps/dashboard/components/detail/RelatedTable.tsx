'use client';
import Link from 'next/link';
import { Anchor, Table, Text } from '@mantine/core';
import type { ColumnContext, KindDef } from '@/lib/kinds/kind.ts';
import type { AnyObject } from '@/lib/kinds/objects.ts';
import { hrefFor } from '@/lib/kinds/registry.ts';
import { Cell } from '@/components/list/Cell.tsx';

/** A small, non-virtual table of related objects (children, pods on a node) with the kind's columns. */
export function RelatedTable({ kind, rows, ctx, testId }: { kind: KindDef; rows: readonly AnyObject[]; ctx: ColumnContext; testId?: string }) {
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No {kind.title.toLowerCase()}
      </Text>
    );
  const columns = kind.columns.filter((c) => !c.wide || c.id === 'node');
  const sorted = [...rows].sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  return (
    <Table fz="sm" withTableBorder highlightOnHover data-testid={testId} aria-label={kind.title}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          {columns.map((c) => (
            <Table.Th key={c.id}>{c.header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((row) => (
          <Table.Tr key={row.metadata.uid} data-testid="related-row" data-name={row.metadata.name}>
            <Table.Td>
              <Anchor component={Link} href={hrefFor(kind.kind, row.metadata.name ?? '', row.metadata.namespace) ?? '#'} size="sm">
                {row.metadata.name}
              </Anchor>
            </Table.Td>
            {columns.map((c) => (
              <Table.Td key={c.id}>
                <Cell column={c} row={row} ctx={ctx} />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
