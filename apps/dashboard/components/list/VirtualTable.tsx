'use client';
import { useRef } from 'react';
import Link from 'next/link';
import { Anchor, Table, UnstyledButton, Group, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Column, ColumnContext } from '@/lib/kinds/kind.ts';
import type { AnyObject } from '@/lib/kinds/objects.ts';
import type { SortState } from '@/lib/list/rows.ts';
import { Cell } from './Cell.tsx';

const ROW_HEIGHT = 37;

interface Props<T extends AnyObject> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  ctx: ColumnContext;
  sort: SortState;
  onSort: (column: string) => void;
  hrefOf: (row: T) => string | undefined;
  label: string;
}

/** A sortable table that renders only the rows in view, so 10,000 rows scroll smoothly. */
export function VirtualTable<T extends AnyObject>({ rows, columns, ctx, sort, onSort, hrefOf, label }: Props<T>) {
  const scrollRef = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take keyboard focus, or keyboard users cannot scroll it (WCAG 2.1.1, axe's scrollable-region-focusable).
    <section ref={scrollRef} style={{ height: 'calc(100vh - 200px)', minHeight: 300, overflow: 'auto' }} tabIndex={0} aria-label={`${label} table`}>
      <Table stickyHeader highlightOnHover striped verticalSpacing={6} aria-label={label} aria-rowcount={rows.length + 1} data-testid="resource-table">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => {
              const active = sort.column === column.id;
              const Icon = !active ? IconSelector : sort.direction === 'asc' ? IconChevronUp : IconChevronDown;
              return (
                <Table.Th key={column.id} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} style={{ whiteSpace: 'nowrap' }}>
                  <UnstyledButton onClick={() => onSort(column.id)}>
                    <Group gap={4} wrap="nowrap">
                      <Text fw={600} size="sm">
                        {column.header}
                      </Text>
                      <Icon size={14} aria-hidden />
                    </Group>
                  </UnstyledButton>
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {top > 0 && (
            <tr aria-hidden style={{ height: top }}>
              <td colSpan={columns.length} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <Table.Tr key={row.metadata.uid ?? item.key} data-testid="resource-row" data-name={row.metadata.name} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                {columns.map((column, i) => (
                  <Table.Td key={column.id} style={{ whiteSpace: 'nowrap' }} data-column={column.id}>
                    {i === 0 && hrefOf(row) ? (
                      <Anchor component={Link} href={hrefOf(row)!} size="sm" fw={500}>
                        {column.value(row, ctx)}
                      </Anchor>
                    ) : (
                      <Cell column={column} row={row} ctx={ctx} />
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden style={{ height: bottom }}>
              <td colSpan={columns.length} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </section>
  );
}
