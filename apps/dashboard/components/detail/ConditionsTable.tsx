import { Badge, Table } from '@mantine/core';
import type { Condition } from '@/lib/kinds/objects.ts';
import { age } from '@/lib/format/age.ts';
import { conditionTone } from '@/lib/kinds/conditions.ts';

export function ConditionsTable({ conditions, now }: { conditions: readonly Condition[]; now: number }) {
  return (
    <Table fz="sm" withTableBorder data-testid="conditions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Type</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Reason</Table.Th>
          <Table.Th>Message</Table.Th>
          <Table.Th>Last transition</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {conditions.map((c) => (
          <Table.Tr key={c.type}>
            <Table.Td>{c.type}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={conditionTone(c.type, c.status)}>
                {c.status}
              </Badge>
            </Table.Td>
            <Table.Td>{c.reason}</Table.Td>
            <Table.Td>{c.message}</Table.Td>
            <Table.Td>{c.lastTransitionTime ? `${age(c.lastTransitionTime, now)} ago` : ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
