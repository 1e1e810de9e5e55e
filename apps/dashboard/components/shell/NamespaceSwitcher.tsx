'use client';
import { Select } from '@mantine/core';
import { NamespaceKind } from '@/lib/kinds/other.ts';
import { useLiveList } from '@/hooks/useLiveList.ts';
import { useUrlState } from '@/hooks/useUrlState.ts';
import type { Namespace } from '@/lib/kinds/objects.ts';

const ALL = '__all__';

/** Chooses the namespace of every namespaced view; kept in the URL as ?namespace=. */
export function NamespaceSwitcher() {
  const { namespace, set } = useUrlState();
  const { items } = useLiveList<Namespace>(NamespaceKind, {});
  const names = items.map((n) => n.metadata.name ?? '').sort();
  if (namespace && !names.includes(namespace)) names.unshift(namespace);
  return (
    <Select
      aria-label="Namespace"
      data={[{ value: ALL, label: 'All namespaces' }, ...names.map((n) => ({ value: n, label: n }))]}
      value={namespace ?? ALL}
      onChange={(value) => set({ namespace: value && value !== ALL ? value : undefined })}
      allowDeselect={false}
      searchable
      w={220}
      data-testid="namespace-switcher"
    />
  );
}
