/** The lines of a followed log: complete lines, plus a partial last line still being written. */
export interface LogBuffer {
  lines: string[];
  partial: string;
  /** Lines dropped from the front to stay under the limit. */
  dropped: number;
}

export const EMPTY_LOG: LogBuffer = { lines: [], partial: '', dropped: 0 };

/** Appends a chunk of log text (any split: mid-line, many lines), keeping at most `maxLines` lines. */
export function appendLog(buffer: LogBuffer, chunk: string, maxLines: number): LogBuffer {
  const parts = (buffer.partial + chunk).split('\n');
  const partial = parts.pop()!;
  let lines = parts.length ? [...buffer.lines, ...parts.map(stripCr)] : buffer.lines;
  let dropped = buffer.dropped;
  if (lines.length > maxLines) {
    dropped += lines.length - maxLines;
    lines = lines.slice(lines.length - maxLines);
  }
  return { lines, partial, dropped };
}

const stripCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

/** Every line shown: the complete ones and the partial one, if any. */
export function visibleLines(buffer: LogBuffer): string[] {
  return buffer.partial ? [...buffer.lines, buffer.partial] : buffer.lines;
}

export interface LogMatch {
  /** Index into the searched lines. */
  index: number;
  line: string;
  /** [start, end) character ranges of each hit, for highlighting. */
  ranges: [number, number][];
}

/** Lines containing the query, case-insensitively, with where each hit is. An empty query matches every line with no ranges. */
export function searchLines(lines: readonly string[], query: string): LogMatch[] {
  if (!query) return lines.map((line, index) => ({ index, line, ranges: [] }));
  const needle = query.toLowerCase();
  const matches: LogMatch[] = [];
  lines.forEach((line, index) => {
    const haystack = line.toLowerCase();
    const ranges: [number, number][] = [];
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
    if (ranges.length) matches.push({ index, line, ranges });
  });
  return matches;
}

/** kubectl-ish name for a downloaded log: `<pod>_<container>_<UTC time>.log`. */
export function logFileName(pod: string, container: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[:]/g, '-');
  return `${pod}_${container}_${stamp}.log`;
}
