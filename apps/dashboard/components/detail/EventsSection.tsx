'use client';
import { useMemo } from 'react';
import { Badge, Table, Text } from '@mantine/core';
import { useLiveList } from '@/hooks/useLiveList.ts';
import { eventLastSeen, eventSource, sortEvents } from '@wheelhouse/printers';
import { EventKind } from '@/lib/kinds/other.ts';
import type { AnyObject, KubeEvent } from '@/lib/kinds/objects.ts';
import { Section } from './Section.tsx';

/** The object's Events as kubectl describe lists them: oldest first, in the same order as `wh describe` (sortEvents), live. */
export function EventsSection({ kind, object, now }: { kind: string; object: AnyObject; now: number }) {
  const { namespace, name, uid } = object.metadata;
  const live = useLiveList<KubeEvent>(EventKind, { namespace: namespace ?? undefined, fieldSelector: `involvedObject.name=${name}` });
  const events = useMemo(
    () => sortEvents(live.items.filter((e) => e.involvedObject?.kind === kind && (!e.involvedObject.uid || !uid || e.involvedObject.uid === uid))),
    [live.items, kind, uid],
  );
  return (
    <Section title="Events" testId="events">
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          No events
        </Text>
      ) : (
        <Table fz="sm" withTableBorder aria-label="Events">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Type</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th>Age</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>Message</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((e) => (
              <Table.Tr key={e.metadata.uid}>
                <Table.Td>
                  <Badge variant="light" color={e.type === 'Warning' ? 'red' : 'gray'}>
                    {e.type}
                  </Badge>
                </Table.Td>
                <Table.Td>{e.reason}</Table.Td>
                <Table.Td>{`${eventLastSeen(e, now)}${(e.count ?? 1) > 1 ? ` (x${e.count})` : ''}`}</Table.Td>
                <Table.Td>{eventSource(e)}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
