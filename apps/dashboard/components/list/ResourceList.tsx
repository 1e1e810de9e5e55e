'use client';
import { useMemo, useState } from 'react';
import { Alert, Group, Stack, Title } from '@mantine/core';
import { useLiveList } from '@/hooks/useLiveList.ts';
import { useNow } from '@/hooks/useNow.ts';
import { useUrlState } from '@/hooks/useUrlState.ts';
import { kindByPath, hrefFor } from '@/lib/kinds/registry.ts';
import { POD_LOAD_SELECTION, PodKind } from '@/lib/kinds/pod.ts';
import { requestedByNode } from '@/lib/kinds/resources.ts';
import type { Column, ColumnContext } from '@/lib/kinds/kind.ts';
import type { AnyObject, Pod } from '@/lib/kinds/objects.ts';
import { NAMESPACE_COLUMN, NAME_COLUMN, createRowSorter, matchesSearch, nextSort, type SortState } from '@/lib/list/rows.ts';
import { ListToolbar } from './ListToolbar.tsx';
import { LivePhaseBadge } from './LivePhaseBadge.tsx';
import { VirtualTable } from './VirtualTable.tsx';

/** The list page of one kind: live rows, selector and search, sortable kubectl columns. */
export function ResourceList({ kindPath }: { kindPath: string }) {
  const kind = kindByPath(kindPath)!;
  const url = useUrlState();
  const namespace = kind.namespaced ? url.namespace : undefined;
  const live = useLiveList<AnyObject>(kind, { namespace, labelSelector: url.labelSelector });
  // Node columns show requests summed over pods, so the node list watches pods too.
  const pods = useLiveList<Pod>(PodKind, { enabled: kind.kind === 'Node', selection: POD_LOAD_SELECTION });
  const now = useNow();
  const [sort, setSort] = useState<SortState>(kind.defaultSort ?? { column: 'name', direction: 'asc' });

  const ctx: ColumnContext = useMemo(() => ({ now, requestedByNode: kind.kind === 'Node' ? requestedByNode(pods.items) : undefined }), [now, kind.kind, pods.items]);
  const columns = useMemo(() => {
    const lead: Column[] = kind.namespaced && !namespace ? [NAME_COLUMN, NAMESPACE_COLUMN] : [NAME_COLUMN];
    return [...lead, ...kind.columns.filter((c) => url.wide || !c.wide)];
  }, [kind, namespace, url.wide]);
  // Sorted once, then kept in order as watch batches change a few rows; search filters the sorted rows.
  const [sorter] = useState(createRowSorter<AnyObject>);
  const sorted = useMemo(() => sorter(live.items, columns, sort, ctx), [sorter, live.items, columns, sort, ctx]);
  const rows = useMemo(() => (url.search.trim() ? sorted.filter((o) => matchesSearch(o, url.search)) : sorted), [sorted, url.search]);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{kind.title}</Title>
          <LivePhaseBadge phase={live.phase} />
        </Group>
      </Group>
      <ListToolbar
        labelSelector={url.labelSelector}
        search={url.search}
        wide={url.wide}
        onLabelSelector={(labelSelector) => url.set({ labelSelector })}
        onSearch={(q) => url.set({ q: q || undefined })}
        onWide={(wide) => url.set({ wide: wide ? '1' : undefined })}
        count={`${rows.length === live.items.length ? rows.length : `${rows.length} of ${live.items.length}`} ${kind.title.toLowerCase()}${live.partial ? ' (loading more…)' : ''}`}
      />
      {live.problem && (
        <Alert color="red" title={live.problem.code === 'BAD_USER_INPUT' ? 'Invalid selector' : 'Cannot list'} role="alert" data-testid="list-error">
          {live.problem.message}
        </Alert>
      )}
      <VirtualTable
        rows={rows}
        columns={columns}
        ctx={ctx}
        sort={sort}
        onSort={(column) => setSort((s) => nextSort(s, column))}
        hrefOf={(o) => hrefFor(kind.kind, o.metadata.name ?? '', o.metadata.namespace)}
        label={kind.title}
      />
    </Stack>
  );
}
