'use client';
import { useMemo, useState } from 'react';
import { Alert, Badge, Group, Loader, Radio, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { kindByPath } from '@/lib/kinds/registry.ts';
import { age } from '@/lib/format/age.ts';
import { useNow } from '@/hooks/useNow.ts';
import { diffObjects } from '@/lib/history/revision-diff.ts';
import { defaultPair, orderPair, summarizeRevisions } from '@/lib/history/revisions.ts';
import { LivePhaseBadge } from '@/components/list/LivePhaseBadge.tsx';
import { ObjectPageHeader } from '@/components/views/ObjectPageHeader.tsx';
import { Section } from '@/components/detail/Section.tsx';
import { DiffView } from './DiffView.tsx';
import { useObjectHistory } from './useObjectHistory.ts';

const TYPE_COLOR = { ADDED: 'teal', MODIFIED: 'blue', DELETED: 'red' } as const;

/** Every revision of one object (time, type, actor, what changed) and a diff between any two. */
export function HistoryView({ kindPath, namespace, name }: { kindPath: string; namespace?: string; name: string }) {
  const kind = kindByPath(kindPath)!;
  const now = useNow();
  const { revisions, problem, phase } = useObjectHistory(kind, namespace, name);
  const rows = useMemo(() => summarizeRevisions(revisions ?? []), [revisions]);
  // Until the user picks, compare the newest two, following new revisions as they arrive.
  const [picked, setPicked] = useState<{ from?: string; to?: string }>({});
  const fallback = defaultPair(rows);
  const from = picked.from ?? fallback?.[0];
  const to = picked.to ?? fallback?.[1];
  const diff = useMemo(() => {
    if (!from || !to) return undefined;
    const [older, newer] = orderPair(from, to);
    const a = rows.find((r) => r.revision === older);
    const b = rows.find((r) => r.revision === newer);
    if (!a || !b) return undefined;
    return { older, newer, ...diffObjects(older === newer ? undefined : a.object, b.object) };
  }, [rows, from, to]);

  return (
    <Stack gap="md">
      <ObjectPageHeader kindPath={kindPath} namespace={namespace} name={name} view="history" title="History" extra={<LivePhaseBadge phase={phase} />} />
      {problem && (
        <Alert color="red" role="alert">
          {problem.message}
        </Alert>
      )}
      {!revisions && !problem && <Loader aria-label="Loading history" />}
      {revisions && revisions.length === 0 && (
        <Alert color="yellow">No revisions of this object are left in the change log (it never existed, or its changes were compacted).</Alert>
      )}
      {rows.length > 0 && (
        <Section title="Revisions" testId="revisions">
          <Text size="sm" c="dimmed">
            Oldest first. Pick two revisions to compare; the newest two are compared until you do.
          </Text>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>From</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>Revision</Table.Th>
                <Table.Th>Time</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Changed by</Table.Th>
                <Table.Th>Changes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.revision} data-testid={`revision-${r.revision}`}>
                  <Table.Td>
                    <Radio
                      name="from"
                      value={r.revision}
                      checked={from === r.revision}
                      onChange={() => setPicked({ from: r.revision, to })}
                      aria-label={`Compare from revision ${r.revision}`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Radio
                      name="to"
                      value={r.revision}
                      checked={to === r.revision}
                      onChange={() => setPicked({ from, to: r.revision })}
                      aria-label={`Compare to revision ${r.revision}`}
                    />
                  </Table.Td>
                  <Table.Td ff="monospace">{r.revision}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Tooltip label={new Date(r.timestamp).toLocaleString()}>
                      <time dateTime={r.timestamp}>{age(r.timestamp, now)} ago</time>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td miw={110}>
                    <Badge color={TYPE_COLOR[r.type]} variant="light" style={{ overflow: 'visible' }}>
                      {r.type}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {r.actor ?? (
                      <Text c="dimmed" span>
                        unknown
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ff="monospace" fz="xs" style={{ wordBreak: 'break-all' }}>
                    {r.type === 'ADDED' ? 'created' : r.type === 'DELETED' ? 'deleted' : r.changes.join(', ') || '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
      )}
      {diff && (
        <Section title="Diff" testId="diff">
          <Group gap="sm">
            <Title order={4} size="h5">
              {diff.older === diff.newer ? `Revision ${diff.newer} (as created)` : `Revision ${diff.older} → ${diff.newer}`}
            </Title>
            <Badge color="green" variant="light">
              +{diff.added}
            </Badge>
            <Badge color="red" variant="light">
              −{diff.removed}
            </Badge>
          </Group>
          {diff.added + diff.removed === 0 ? (
            <Text c="dimmed">No differences.</Text>
          ) : (
            <DiffView rows={diff.rows} caption={`Changes from revision ${diff.older} to ${diff.newer}`} />
          )}
        </Section>
      )}
    </Stack>
  );
}
