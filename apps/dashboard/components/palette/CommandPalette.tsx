'use client';
import '@mantine/spotlight/styles.css';
import { useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useDashboard } from '@/app/providers.tsx';
import { useUrlState } from '@/hooks/useUrlState.ts';
import { KINDS } from '@/lib/kinds/registry.ts';
import { matchesQuery, objectNamesQuery, paletteEntries, type PaletteEntry } from '@/lib/palette/palette.ts';

const PAGES = [
  { label: 'Overview', href: '/' },
  { label: 'Topology', href: '/topology' },
  { label: 'Apply YAML', href: '/apply' },
];
const NAMES_LIMIT = 500;

/** Ctrl/Cmd-K: jump to a page, a kind, or an object by name (names load when the palette opens). */
export function CommandPalette() {
  const router = useRouter();
  const { client } = useDashboard();
  const { namespace, href } = useUrlState();
  const [names, setNames] = useState<Parameters<typeof paletteEntries>[2]>();
  const [query, setQuery] = useState('');
  const entries = useMemo(() => paletteEntries(KINDS, PAGES, names), [names]);
  const actions = useMemo(() => groupActions(entries.filter((e) => matchesQuery(e, query)).slice(0, 50), (path) => router.push(href(path))), [entries, query, router, href]);
  const loadNames = async () => {
    const result = await client.query(objectNamesQuery(KINDS, NAMES_LIMIT), { namespace: namespace ?? null }, { requestPolicy: 'network-only' }).toPromise();
    if (result.data) setNames(result.data);
  };
  return (
    <Spotlight
      actions={actions}
      filter={(_, all) => all}
      query={query}
      onQueryChange={setQuery}
      onSpotlightOpen={() => void loadNames()}
      shortcut="mod + K"
      nothingFound="Nothing matches"
      highlightQuery
      scrollable
      maxHeight={420}
      searchProps={{ leftSection: <IconSearch size={18} />, placeholder: 'Go to a kind or an object by name…', 'aria-label': 'Search kinds and objects' }}
    />
  );
}

function groupActions(entries: PaletteEntry[], go: (href: string) => void): SpotlightActionGroupData[] {
  const groups = new Map<string, SpotlightActionData[]>();
  for (const e of entries) {
    const list = groups.get(e.group) ?? [];
    list.push({ id: e.id, label: e.label, description: e.description, onClick: () => go(e.href) });
    groups.set(e.group, list);
  }
  return [...groups].map(([group, actions]) => ({ group, actions }));
}
