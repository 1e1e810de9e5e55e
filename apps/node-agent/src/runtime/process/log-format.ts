// Container log lines in the CRI format the kubelet reads
// (`<RFC 3339 time> <stdout|stderr> <F|P> <text>`), and the pure selection of
// lines for `kubectl logs` options (tail, since, timestamps).

export type LogStream = 'stdout' | 'stderr';

export interface LogRecord {
  time: string;
  stream: LogStream;
  /** False for the first pieces of a line that was split (tag P). */
  full: boolean;
  text: string;
}

export function formatRecord(record: LogRecord): string {
  return `${record.time} ${record.stream} ${record.full ? 'F' : 'P'} ${record.text}\n`;
}

/** Parses one stored line; undefined for anything malformed (e.g. a torn write). */
export function parseRecord(line: string): LogRecord | undefined {
  const match = /^(\S+) (stdout|stderr) ([FP]) (.*)$/s.exec(line);
  if (!match) return undefined;
  return { time: match[1] as string, stream: match[2] as LogStream, full: match[3] === 'F', text: match[4] as string };
}

/** Joins split pieces back into whole lines; a line's time is its first piece's. */
export function joinPartials(records: Iterable<LogRecord>): LogRecord[] {
  const out: LogRecord[] = [];
  const pending = new Map<LogStream, LogRecord>();
  for (const record of records) {
    const head = pending.get(record.stream);
    const merged = head ? { ...head, text: head.text + record.text, full: record.full } : record;
    if (merged.full) {
      pending.delete(record.stream);
      out.push(merged);
    } else {
      pending.set(record.stream, merged);
    }
  }
  // A process that died mid-line still said it.
  for (const rest of pending.values()) out.push({ ...rest, full: true });
  return out;
}

export interface LogSelection {
  tailLines?: number;
  sinceSeconds?: number;
  timestamps?: boolean;
}

/** The lines `kubectl logs` would print for these options, oldest first. */
export function selectLines(records: LogRecord[], options: LogSelection, now: Date): string[] {
  let chosen = records;
  if (options.sinceSeconds !== undefined && options.sinceSeconds !== null) {
    const since = now.getTime() - options.sinceSeconds * 1000;
    chosen = chosen.filter((r) => Date.parse(r.time) >= since);
  }
  if (options.tailLines !== undefined && options.tailLines !== null && options.tailLines >= 0) {
    chosen = options.tailLines === 0 ? [] : chosen.slice(-options.tailLines);
  }
  return chosen.map((r) => (options.timestamps ? `${r.time} ${r.text}` : r.text));
}
