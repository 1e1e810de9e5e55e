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

type SortKey = string | number;
const compareKeys = (a: SortKey, b: SortKey) => (typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b)));
const identity = (o: AnyObject) => o.metadata.uid || `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

/** Above this many added or changed rows, sorting everything again is as cheap as placing each. */
const INCREMENTAL_LIMIT = 512;

/**
 * `sortRows` that remembers its last answer: when a live list changes by a few objects (a
 * watch batch), the unchanged rows keep their order and only the added and changed ones
 * are placed by binary search, so 100 events/s on 10,000 rows cost a few hundred
 * comparisons a frame instead of a full sort. Sort keys must not depend on `ctx.now`
 * beyond its direction (ages sort by timestamp); a new `requestedByNode` sorts again.
 */
export function createRowSorter<T extends AnyObject>() {
  let last: { rows: readonly T[]; sorted: T[]; column: Column<T>; sort: SortState; totals: ColumnContext['requestedByNode'] } | undefined;
  return (rows: readonly T[], columns: readonly Column<T>[], sort: SortState, ctx: ColumnContext): T[] => {
    const column = columns.find((c) => c.id === sort.column) ?? columns[0]!;
    const same = last && last.column === column && last.sort.column === sort.column && last.sort.direction === sort.direction && last.totals === ctx.requestedByNode;
    if (same && last!.rows === rows) return last!.sorted;
    const sorted = same ? placeChanges(last!.sorted, rows, column, sort, ctx) : undefined;
    last = { rows, sorted: sorted ?? sortRows(rows, columns, sort, ctx), column, sort, totals: ctx.requestedByNode };
    return last.sorted;
  };
}

function placeChanges<T extends AnyObject>(previous: readonly T[], rows: readonly T[], column: Column<T>, sort: SortState, ctx: ColumnContext): T[] | undefined {
  const current = new Map(rows.map((row) => [identity(row), row]));
  const kept: T[] = [];
  const moved: T[] = [];
  const seen = new Set<string>();
  for (const old of previous) {
    const id = identity(old);
    const now = current.get(id);
    if (!now) continue; // deleted
    seen.add(id);
    if (now === old) kept.push(old);
    else moved.push(now);
  }
  for (const [id, row] of current) if (!seen.has(id)) moved.push(row);
  if (moved.length > INCREMENTAL_LIMIT) return undefined;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const key = (o: T) => (column.sortValue ?? column.value)(o, ctx);
  const tie = (o: T) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
  const compare = (a: T, b: T) => {
    const byKey = compareKeys(key(a), key(b));
    return byKey !== 0 ? sign * byKey : collator.compare(tie(a), tie(b));
  };
  for (const row of moved) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(kept[mid]!, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, row);
  }
  return kept;
}
