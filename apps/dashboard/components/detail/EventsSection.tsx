'use client';
import { useMemo } from 'react';
import { Badge, Table, Text } from '@mantine/core';
import { useLiveList } from '@/hooks/useLiveList.ts';
import { EventKind, eventTime } from '@/lib/kinds/other.ts';
import type { AnyObject, KubeEvent } from '@/lib/kinds/objects.ts';
import { age, ageMs } from '@/lib/format/age.ts';
import { Section } from './Section.tsx';

/** The object's Events (kubectl describe's Events), newest first, live. */
export function EventsSection({ kind, object, now }: { kind: string; object: AnyObject; now: number }) {
  const { namespace, name, uid } = object.metadata;
  const live = useLiveList<KubeEvent>(EventKind, { namespace: namespace ?? undefined, fieldSelector: `involvedObject.name=${name}` });
  const events = useMemo(
    () =>
      live.items
        .filter((e) => e.involvedObject?.kind === kind && (!e.involvedObject.uid || !uid || e.involvedObject.uid === uid))
        .sort((a, b) => ageMs(eventTime(a), now) - ageMs(eventTime(b), now)),
    [live.items, kind, uid, now],
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
                <Table.Td>{`${age(eventTime(e), now)}${(e.count ?? 1) > 1 ? ` (x${e.count})` : ''}`}</Table.Td>
                <Table.Td>{e.source?.component ?? e.reportingComponent}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
