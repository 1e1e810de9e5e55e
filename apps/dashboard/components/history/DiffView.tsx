'use client';
import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { DiffRow } from '@/lib/history/revision-diff.ts';

const BACKGROUND = { added: 'var(--mantine-color-green-light)', removed: 'var(--mantine-color-red-light)', context: undefined } as const;
const SIGN = { added: '+', removed: '-', context: ' ' } as const;
const SPOKEN = { added: 'added', removed: 'removed', context: '' } as const;

/** A unified diff as a table: old and new line numbers, a +/- sign (not colour alone) and the line. */
export function DiffView({ rows, caption }: { rows: DiffRow[]; caption: string }) {
  return (
    // Long lines (the last-applied annotation) scroll inside the diff, not the page; focusable so keyboards can scroll it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take keyboard focus, or keyboard users cannot scroll it (WCAG 2.1.1, axe's scrollable-region-focusable).
    <section aria-label={caption} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table withRowBorders={false} verticalSpacing={0} horizontalSpacing={6} ff="monospace" fz="sm" data-testid="revision-diff">
        <caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56}>Old</Table.Th>
            <Table.Th w={56}>New</Table.Th>
            <Table.Th>
              <VisuallyHidden>Line</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keyed(rows).map(({ row, key }) =>
            row.kind === 'gap' ? (
              <Table.Tr key={key}>
                <Table.Td colSpan={3}>
                  <Text size="xs" c="dimmed">
                    ⋯ {row.count} unchanged line{row.count === 1 ? '' : 's'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              <Table.Tr key={key} bg={BACKGROUND[row.kind]} data-diff={row.kind}>
                <Table.Td c="dimmed">{row.oldLine ?? ''}</Table.Td>
                <Table.Td c="dimmed">{row.newLine ?? ''}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre' }}>
                  {SPOKEN[row.kind] && <VisuallyHidden>{SPOKEN[row.kind]}: </VisuallyHidden>}
                  <span aria-hidden>{SIGN[row.kind]} </span>
                  {row.text}
                </Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
    </section>
  );
}

/** Stable row keys: a line by its line numbers, a gap by the line before it. */
function keyed(rows: DiffRow[]): { row: DiffRow; key: string }[] {
  let previous = 'start';
  return rows.map((row) => {
    const key = row.kind === 'gap' ? `gap after ${previous}` : `${row.oldLine ?? '-'}:${row.newLine ?? '-'}`;
    previous = key;
    return { row, key };
  });
}
