'use client';
import { Badge, Code, Table } from '@mantine/core';
import type { Pod } from '@/lib/kinds/objects.ts';
import { containerRows } from '@/lib/kinds/containers.ts';
import { Section } from './Section.tsx';

/** A pod's containers with their state, readiness, restarts and requests. */
export function ContainersSection({ pod, now }: { pod: Pod; now: number }) {
  const rows = containerRows(pod, now);
  return (
    <Section title="Containers" testId="containers">
      <Table fz="sm" withTableBorder aria-label="Containers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Image</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Ready</Table.Th>
            <Table.Th>Restarts</Table.Th>
            <Table.Th>Requests</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.init}-${r.name}`}>
              <Table.Td>
                {r.name}{' '}
                {r.init && (
                  <Badge size="xs" variant="light" color="gray">
                    init
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Code>{r.image}</Code>
              </Table.Td>
              <Table.Td>{r.state}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={r.ready ? 'green' : 'gray'}>
                  {r.ready ? 'yes' : 'no'}
                </Badge>
              </Table.Td>
              <Table.Td>{r.restarts}</Table.Td>
              <Table.Td>{r.requests}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}
