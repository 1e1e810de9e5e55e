import type { Column, ColumnContext } from '../kinds/kind.ts';
import type { AnyObject } from '../kinds/objects.ts';

export type SortDirection = 'asc' | 'desc';
export interface SortState {
  column: string;
  direction: SortDirection;
}

/** The built-in leading columns of every list. */
export const NAME_COLUMN: Column<AnyObject> = { id: 'name', header: 'Name', value: (o) => o.metadata.name ?? '' };
export const NAMESPACE_COLUMN: Column<AnyObject> = { id: 'namespace', header: 'Namespace', value: (o) => o.metadata.namespace ?? '' };

/** Text search: every word must appear in the name, namespace or a label. */
export function matchesSearch(object: AnyObject, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const labels = Object.entries(object.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`);
  const haystack = [object.metadata.name, object.metadata.namespace, ...labels].join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}

const collator = new Intl.Collator('en', { numeric: true });

/** Sorted copy; numbers compare as numbers, text naturally (`pod-2` before `pod-10`); ties by namespace/name. */
export function sortRows<T extends AnyObject>(rows: readonly T[], columns: readonly Column<T>[], sort: SortState, ctx: ColumnContext): T[] {
  const column = columns.find((c) => c.id === sort.column) ?? columns[0]!;
  const key = (o: T) => (column.sortValue ?? column.value)(o, ctx);
  const keyed = rows.map((row) => ({ row, key: key(row), tie: `${row.metadata.namespace ?? ''}/${row.metadata.name ?? ''}` }));
  const sign = sort.direction === 'asc' ? 1 : -1;
  keyed.sort((a, b) => {
    const byKey = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
    return byKey !== 0 ? sign * byKey : collator.compare(a.tie, b.tie);
  });
  return keyed.map((k) => k.row);
}

/** Clicking a header sorts by it ascending, a second click descending. */
export function nextSort(current: SortState, column: string): SortState {
  return current.column === column ? { column, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: 'asc' };
}
