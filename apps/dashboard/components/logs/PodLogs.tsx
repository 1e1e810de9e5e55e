'use client';
import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { useLiveList } from '@/hooks/useLiveList.ts';
import { kindByName } from '@/lib/kinds/registry.ts';
import type { Pod } from '@/lib/kinds/objects.ts';
import { logFileName, searchLines, visibleLines } from '@/lib/logs/log-buffer.ts';
import { LivePhaseBadge } from '@/components/list/LivePhaseBadge.tsx';
import { ObjectPageHeader } from '@/components/views/ObjectPageHeader.tsx';
import { LogLines } from './LogLines.tsx';
import { MAX_LINES, usePodLog } from './usePodLog.ts';

const POD_SELECTION =
  'metadata { name namespace uid resourceVersion } spec { containers { name } initContainers { name } } status { phase containerStatuses { name restartCount } }';

/** kubectl logs [-f] [--tail] [--previous] [--timestamps] for one container, with search and download. */
export function PodLogs({ namespace, name }: { namespace?: string; name: string }) {
  const podKind = kindByName('Pod')!;
  const live = useLiveList<Pod>(podKind, { namespace, fieldSelector: `metadata.name=${name}`, selection: POD_SELECTION });
  const pod = live.items[0];
  const containers = [...(pod?.spec?.containers ?? []), ...(pod?.spec?.initContainers ?? [])].map((c) => c.name ?? '').filter(Boolean);
  const [chosen, setChosen] = useState<string | null>(null);
  const container = chosen && containers.includes(chosen) ? chosen : containers[0];
  const [tailLines, setTailLines] = useState(200);
  const [follow, setFollow] = useState(true);
  const [previous, setPrevious] = useState(false);
  const [timestamps, setTimestamps] = useState(false);
  const [query, setQuery] = useState('');
  const [search] = useDebouncedValue(query, 150);
  const log = usePodLog({ namespace, name, container, tailLines, follow, previous, timestamps });
  const lines = useMemo(() => visibleLines(log.buffer), [log.buffer]);
  const matches = useMemo(() => searchLines(lines, search), [lines, search]);

  const download = () => {
    const url = URL.createObjectURL(new Blob([`${lines.join('\n')}\n`], { type: 'text/plain' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: logFileName(name, container ?? 'log', new Date()) });
    a.click();
    // Revoked a moment later: the download starts asynchronously.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <Stack gap="md">
      <ObjectPageHeader kindPath="pods" namespace={namespace} name={name} view="logs" title="Logs" extra={<LivePhaseBadge phase={live.phase} />} />
      <Group align="flex-end" gap="sm">
        <Select label="Container" data={containers} value={container ?? null} onChange={setChosen} allowDeselect={false} w={200} />
        <NumberInput label="Tail lines" min={1} max={MAX_LINES} value={tailLines} onChange={(v) => setTailLines(Math.max(1, Number(v) || 1))} w={120} />
        <Switch label="Follow" checked={follow && !previous} disabled={previous} onChange={(e) => setFollow(e.currentTarget.checked)} />
        <Switch label="Previous run" checked={previous} onChange={(e) => setPrevious(e.currentTarget.checked)} />
        <Switch label="Timestamps" checked={timestamps} onChange={(e) => setTimestamps(e.currentTarget.checked)} />
        <TextInput label="Search" leftSection={<IconSearch size={14} />} value={query} onChange={(e) => setQuery(e.currentTarget.value)} placeholder="text in the lines" w={220} />
        <Button variant="default" leftSection={<IconDownload size={16} />} onClick={download} disabled={lines.length === 0}>
          Download
        </Button>
      </Group>
      <Group gap="xs">
        {log.state === 'streaming' && (
          <Badge color="teal" variant="dot">
            Following
          </Badge>
        )}
        {log.state === 'ended' && <Badge color="gray">Stream ended</Badge>}
        <Text size="sm" c="dimmed" aria-live="polite">
          {search ? `${matches.length} of ${lines.length} lines match` : `${lines.length} lines`}
          {log.buffer.dropped > 0 && ` (${log.buffer.dropped} older lines dropped)`}
        </Text>
      </Group>
      {live.phase !== 'loading' && !pod && <Alert color="yellow">Pod {name} does not exist (any more).</Alert>}
      {log.problem && (
        <Alert color="red" role="alert">
          {log.problem.message}
        </Alert>
      )}
      <LogLines matches={matches} follow={follow && !previous} />
    </Stack>
  );
}
