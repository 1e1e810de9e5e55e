'use client';
import { useState } from 'react';
import { Alert, Button, Code, Group, Table, Text } from '@mantine/core';
import { useDashboard } from '@/app/providers.tsx';
import { Section } from './Section.tsx';

const REVEAL = `query RevealSecret($namespace: String, $name: String!) { secret(namespace: $namespace, name: $name) { data } }`;

/** A value as text when it is UTF-8, else its base64 (binary keys such as keystores). */
function shown(base64: string): { text: string; binary: boolean } {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), binary: false };
  } catch {
    return { text: base64, binary: true };
  }
}

/**
 * A Secret's values, hidden until asked for: Reveal fetches them once (not through the
 * live watch) into this page's memory only; Hide, or leaving the page, drops them.
 */
export function SecretData({ namespace, name }: { namespace: string; name: string }) {
  const { client } = useDashboard();
  const [data, setData] = useState<Record<string, string> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reveal = async () => {
    setBusy(true);
    setProblem(null);
    const result = await client.query(REVEAL, { namespace, name }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (result.error) setProblem(result.error.message);
    else setData((result.data?.secret?.data as Record<string, string> | null) ?? {});
  };
  return (
    <Section title="Data" testId="secret-data">
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      {data === null ? (
        <Group>
          <Text size="sm" c="dimmed">
            Values are hidden.
          </Text>
          <Button size="xs" variant="light" loading={busy} onClick={reveal}>
            Reveal values
          </Button>
        </Group>
      ) : (
        <>
          <Group>
            <Button size="xs" variant="light" onClick={() => setData(null)}>
              Hide values
            </Button>
          </Group>
          {Object.keys(data).length === 0 ? (
            <Text size="sm" c="dimmed">
              No data
            </Text>
          ) : (
            <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4}>
              <Table.Tbody>
                {Object.entries(data)
                  .sort(([a], [b]) => a.localeCompare(b))
                  .map(([key, value]) => {
                    const { text, binary } = shown(value);
                    return (
                      <Table.Tr key={key}>
                        <Table.Th w={200} scope="row">
                          {key}
                        </Table.Th>
                        <Table.Td>
                          <Code block>{text}</Code>
                          {binary && (
                            <Text size="xs" c="dimmed">
                              binary, shown as base64
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Section>
  );
}
