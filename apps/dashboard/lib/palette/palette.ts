/** What the command palette needs of a kind (a subset of the registry's KindDef). */
export interface PaletteKind {
  kind: string;
  title: string;
  path: string;
  namespaced: boolean;
  fields: { list: string };
}

export interface PaletteEntry {
  id: string;
  group: 'Pages' | 'Kinds' | 'Objects';
  label: string;
  description?: string;
  href: string;
  keywords: string[];
}

/** Kinds with too many short-lived objects to be worth jumping to by name. */
const SKIPPED = new Set(['Event', 'Lease']);

/** One query fetching the names of every kind's objects, each list under an alias `k<index>`. */
export function objectNamesQuery(kinds: readonly PaletteKind[], limit: number): string {
  const lists = kinds
    .map((k, i) =>
      SKIPPED.has(k.kind) ? '' : `k${i}: ${k.fields.list}(${k.namespaced ? 'namespace: $namespace, ' : ''}limit: ${limit}) { items { metadata { name namespace } } }`,
    )
    .filter(Boolean);
  return `query PaletteNames($namespace: String) {\n  ${lists.join('\n  ')}\n}`;
}

type NamesResult = Record<string, { items: { metadata: { name?: string | null; namespace?: string | null } }[] } | null | undefined>;

/** Pages, kinds and (when loaded) objects as palette entries, linking to their dashboard pages. */
export function paletteEntries(kinds: readonly PaletteKind[], pages: readonly { label: string; href: string }[], names?: NamesResult): PaletteEntry[] {
  const entries: PaletteEntry[] = pages.map((p) => ({ id: `page:${p.href}`, group: 'Pages', label: p.label, href: p.href, keywords: [] }));
  for (const k of kinds)
    entries.push({ id: `kind:${k.kind}`, group: 'Kinds', label: k.title, description: `All ${k.title.toLowerCase()}`, href: `/${k.path}`, keywords: [k.kind, k.path] });
  kinds.forEach((k, i) => {
    for (const { metadata } of names?.[`k${i}`]?.items ?? []) {
      if (!metadata.name) continue;
      const ns = k.namespaced ? metadata.namespace || 'default' : undefined;
      entries.push({
        id: `object:${k.kind}/${ns ?? ''}/${metadata.name}`,
        group: 'Objects',
        label: metadata.name,
        description: ns ? `${k.kind} in ${ns}` : k.kind,
        href: ns ? `/${k.path}/${encodeURIComponent(ns)}/${encodeURIComponent(metadata.name)}` : `/${k.path}/${encodeURIComponent(metadata.name)}`,
        keywords: [k.kind, k.path, ...(ns ? [ns] : [])],
      });
    }
  });
  return entries;
}

/** Case-insensitive match of every word of the query against label, description and keywords. */
export function matchesQuery(entry: PaletteEntry, query: string): boolean {
  const haystack = [entry.label, entry.description ?? '', ...entry.keywords].join(' ').toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
