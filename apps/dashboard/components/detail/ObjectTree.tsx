import { Code, Stack, Table, Text } from '@mantine/core';
import { compact } from '@/lib/kinds/relations.ts';

/** Any nested value (spec, status) as readable key/value tables; empty fields are left out. */
export function ObjectTree({ value }: { value: unknown }) {
  const shown = compact(value);
  if (shown === undefined)
    return (
      <Text c="dimmed" size="sm">
        Nothing set
      </Text>
    );
  return <Value value={shown} />;
}

function Value({ value }: { value: unknown }) {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object'))
      return (
        <Text size="sm" className="mono">
          {value.join(', ')}
        </Text>
      );
    return (
      <Stack gap={6}>
        {value.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity of their own, and Value holds no state, so the position is the key.
          <Value key={i} value={item} />
        ))}
      </Stack>
    );
  }
  if (value && typeof value === 'object') {
    return (
      <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4}>
        <Table.Tbody>
          {Object.entries(value).map(([key, v]) => (
            <Table.Tr key={key}>
              <Table.Th w={200} style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }} scope="row">
                {key}
              </Table.Th>
              <Table.Td>
                <Value value={v} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }
  return <Code>{String(value)}</Code>;
}
