/** kubectl's table layout: columns padded to the widest cell, three spaces apart. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], options: { noHeaders?: boolean } = {}): string {
  const shown = options.noHeaders ? rows : [headers, ...rows];
  if (shown.length === 0) return '';
  const widths = headers.map((_, i) => Math.max(...shown.map((r) => (r[i] ?? '').length)));
  return `${shown.map((cells) => formatLine(cells, widths)).join('\n')}\n`;
}

/** One row; the last cell is not padded, so no line ends in blanks. */
function formatLine(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]! + 3)))
    .join('')
    .trimEnd();
}

/**
 * A table printed a few rows at a time (`get -w`): the header comes with the first
 * rows, and a column only ever widens, so later rows stay aligned with earlier ones.
 */
export function streamingTable(headers: readonly string[], options: { noHeaders?: boolean } = {}): (rows: readonly (readonly string[])[]) => string {
  const widths = headers.map((h) => (options.noHeaders ? 0 : h.length));
  let started = options.noHeaders ?? false;
  return (rows) => {
    if (rows.length === 0) return '';
    for (const row of rows) {
      for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length);
    }
    const lines = [...(started ? [] : [headers]), ...rows].map((cells) => formatLine(cells, widths));
    started = true;
    return `${lines.join('\n')}\n`;
  };
}
