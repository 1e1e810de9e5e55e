'use client';
import Link from 'next/link';
import { Anchor, Badge } from '@mantine/core';
import type { Column, ColumnContext } from '@/lib/kinds/kind.ts';
import { hrefFor } from '@/lib/kinds/registry.ts';

/** One table cell: plain text, a colored status badge, or a link to another object. */
export function Cell<T>({ column, row, ctx }: { column: Column<T>; row: T; ctx: ColumnContext }) {
  const value = column.value(row, ctx);
  const tone = column.tone?.(row);
  if (tone) {
    return (
      // max-content: an ellipsised label would let a crowded table squeeze the badge to "No…".
      <Badge color={tone} variant="light" radius="sm" tt="none" style={{ minWidth: 'max-content' }}>
        {value}
      </Badge>
    );
  }
  const target = column.link?.(row);
  const href = target && hrefFor(target.kind, target.name, target.namespace);
  if (href) {
    return (
      <Anchor component={Link} href={href} size="sm">
        {value}
      </Anchor>
    );
  }
  return <>{value}</>;
}
