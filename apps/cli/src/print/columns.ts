/** kubectl's `get` table of a kind, laid out for `wh get`: the columns come from @wheelhouse/printers. */
import { printerFor, printHeaders, printRow } from '@wheelhouse/printers';
import type { KubeObj } from './object.js';

export interface Columns {
  headers: string[];
  row(o: KubeObj, now: number): string[];
}

/**
 * Columns of a kind; with -A a NAMESPACE column comes first. With `kindPrefix` (several
 * kinds in one `get`) names read `deployment.apps/web`, as kubectl prints them.
 */
export function columnsFor(kind: string, options: { wide?: boolean; allNamespaces?: boolean; kindPrefix?: string } = {}): Columns {
  const printer = printerFor(kind);
  const wide = { wide: options.wide };
  // kubectl prints column names upper-cased: `Up-to-date` → `UP-TO-DATE`.
  const headers = [...(options.allNamespaces ? ['NAMESPACE'] : []), ...printHeaders(printer, wide).map((h) => h.toUpperCase())];
  const nameAt = options.kindPrefix ? headers.indexOf('NAME') : -1;
  return {
    headers,
    row: (o, now) => {
      const cells = [...(options.allNamespaces ? [o.metadata.namespace ?? ''] : []), ...printRow(printer, o, now, wide)];
      if (nameAt >= 0) cells[nameAt] = `${options.kindPrefix}/${cells[nameAt]}`;
      return cells;
    },
  };
}
