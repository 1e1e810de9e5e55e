'use client';
import Link from 'next/link';
import { Anchor, Table, Text } from '@mantine/core';
import type { KubeEvent } from '@/lib/kinds/objects.ts';
import { eventLastSeen } from '@wheelhouse/printers';
import { hrefFor } from '@/lib/kinds/registry.ts';

export function WarningEvents({ events, now }: { events: readonly KubeEvent[]; now: number }) {
  if (events.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No warnings.
      </Text>
    );
  return (
    <Table fz="sm" aria-label="Latest warning events" data-testid="warning-events">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Age</Table.Th>
          <Table.Th>Object</Table.Th>
          <Table.Th>Reason</Table.Th>
          <Table.Th>Message</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((e) => {
          const target = e.involvedObject;
          const href = target?.kind && target.name ? hrefFor(target.kind, target.name, target.namespace) : undefined;
          const label = `${target?.kind?.toLowerCase()}/${target?.name}`;
          return (
            <Table.Tr key={e.metadata.uid}>
              <Table.Td>{eventLastSeen(e, now)}</Table.Td>
              <Table.Td>
                {href ? (
                  <Anchor component={Link} href={href} size="sm">
                    {label}
                  </Anchor>
                ) : (
                  label
                )}
              </Table.Td>
              <Table.Td>{e.reason}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
