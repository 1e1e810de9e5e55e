import type { KindName, ObjectTypes } from '@wheelhouse/model';
import { PRINTERS, type PrinterColumn } from '@wheelhouse/printers';
import type { Column } from './kind.ts';

/** `Up-to-date` → `upToDate`, `Last Seen` → `lastSeen`, `Port(s)` → `ports`: a column's id in URLs and `data-column`. */
export const columnId = (name: string) =>
  name
    .replace(/[()]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+(.)/g, (_, c: string) => c.toUpperCase())
    .replace(/[^a-zA-Z0-9]/g, '');

/** What the dashboard adds to kubectl's column: colour, a link, its own sort. */
export type Decoration<T> = Partial<Pick<Column<T>, 'tone' | 'link' | 'sortValue'>>;

function fromPrinter<T>(column: PrinterColumn<T>, decoration: Decoration<T> = {}): Column<T> {
  const sortKey = column.sortKey;
  return {
    id: columnId(column.name),
    header: column.name,
    // The cell is kubectl's, exactly: the same function `wh get` prints.
    value: (o, ctx) => column.cell(o, ctx.now),
    ...(sortKey ? { sortValue: (o: T, ctx: { now: number }) => sortKey(o, ctx.now) } : {}),
    ...(column.priority === 1 ? { wide: true } : {}),
    ...decoration,
  };
}

/**
 * A kind's list columns: kubectl's `get` columns from @wheelhouse/printers (all but NAME,
 * which the list shows as the row's link), decorated by column id, then the dashboard's own.
 */
export function printerColumns<K extends KindName>(
  kind: K,
  decorations: Record<string, Decoration<ObjectTypes[K]>> = {},
  extra: Column<ObjectTypes[K]>[] = [],
): Column<ObjectTypes[K]>[] {
  const printer = PRINTERS[kind];
  if (!printer) throw new TypeError(`no printer for ${kind} in @wheelhouse/printers`);
  const columns = (printer.columns as readonly PrinterColumn<ObjectTypes[K]>[]).filter((c) => c.name !== 'Name').map((c) => fromPrinter(c, decorations[columnId(c.name)]));
  return [...columns, ...extra];
}
