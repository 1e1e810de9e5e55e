/** kubectl describe's layout: `Key:  value` rows aligned per block, nested blocks indented. */

/** A row is [key, value]; a nested block is [key, rows] printed indented under it. */
export type Row = [string, string | Row[]];

export function formatRows(rows: Row[], indent = 0): string {
  const width = Math.max(0, ...rows.filter(([, v]) => typeof v === 'string').map(([k]) => k.length + 1));
  const pad = ' '.repeat(indent);
  return rows
    .map(([key, value]) => {
      if (typeof value !== 'string') return `${pad}${key}:\n${formatRows(value, indent + 2)}`;
      const lines = value.split('\n');
      const head = `${pad}${`${key}:`.padEnd(width + 2)}${lines[0]}`.trimEnd();
      // Continuation lines (several labels) line up under the first value.
      return [head, ...lines.slice(1).map((l) => ' '.repeat(indent + width + 2) + l)].join('\n');
    })
    .join('\n');
}

/** `a=b` one per line, sorted, or `<none>`. */
export function mapText(map: Record<string, string> | null | undefined): string {
  const entries = Object.entries(map ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join('\n') : '<none>';
}

const ANNOTATION_LIMIT = 200;
/** kubectl hides the last-applied annotation in describe; long values are cut. */
export function annotationsText(map: Record<string, string> | null | undefined): string {
  const shown = Object.fromEntries(
    Object.entries(map ?? {})
      .filter(([k]) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
      .map(([k, v]) => [k, v.length > ANNOTATION_LIMIT ? `${v.slice(0, ANNOTATION_LIMIT)}...` : v]),
  );
  return mapText(shown);
}

export const indent = (text: string, by: number) =>
  text
    .split('\n')
    .map((l) => (l ? ' '.repeat(by) + l : l))
    .join('\n')
    .replace(/\n+$/, '');
