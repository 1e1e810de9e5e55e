'use client';
import type { Node, NodeProps } from '@xyflow/react';
import { Title } from '@mantine/core';

export type ColumnHeaderNode = Node<{ title: string }, 'header'>;

/** A column's title, drawn in the graph so it pans and zooms with the column. */
export function ColumnHeader({ data }: NodeProps<ColumnHeaderNode>) {
  return (
    <Title order={3} size="h5" w={220}>
      {data.title}
    </Title>
  );
}
