/** `get -L key` and `--show-labels`: label columns after a kind's own, as kubectl adds them. */
import type { Columns } from './columns.js';

export interface LabelColumnOptions {
  /** `-L app,tier` (may repeat): one column per key, headed by its upper-cased last path segment. */
  labelColumns: string[];
  /** `--show-labels`: every label as `k=v,...`, last. */
  showLabels: boolean;
}

export function withLabelColumns(columns: Columns, options: LabelColumnOptions): Columns {
  const keys = options.labelColumns.flatMap((k) => k.split(',')).filter(Boolean);
  if (keys.length === 0 && !options.showLabels) return columns;
  const headers = [...columns.headers, ...keys.map((k) => k.slice(k.lastIndexOf('/') + 1).toUpperCase()), ...(options.showLabels ? ['LABELS'] : [])];
  return {
    headers,
    row: (o, now) => {
      const labels = (o.metadata.labels ?? {}) as Record<string, string>;
      const all = Object.keys(labels)
        .sort()
        .map((k) => `${k}=${labels[k]}`)
        .join(',');
      return [...columns.row(o, now), ...keys.map((k) => labels[k] ?? ''), ...(options.showLabels ? [all || '<none>'] : [])];
    },
  };
}
