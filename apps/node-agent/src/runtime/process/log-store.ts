// Where container logs live and how they are read and followed:
// `<rootDir>/logs/<pod uid>/<container>/<run>.log`, one file (plus rotations)
// per run. Only the current run and the one before are kept, as `kubectl logs`
// and `kubectl logs --previous` need.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { joinPartials, parseRecord, selectLines, type LogRecord } from './log-format.js';
import { logFilesOf, type LogRotation } from './log-writer.js';
import type { LogOptions } from '../runtime.js';

export class LogStore {
  private readonly followers = new Map<string, Set<(text: string) => void>>();

  constructor(
    private readonly logsDir: string,
    readonly rotation: LogRotation,
  ) {}

  private containerDir(podUid: string, container: string): string {
    return join(this.logsDir, podUid, container);
  }

  /** Run numbers with a log, ascending. */
  private runs(podUid: string, container: string): number[] {
    try {
      return readdirSync(this.containerDir(podUid, container))
        .map((f) => /^([0-9]+)\.log$/.exec(f)?.[1])
        .filter((n): n is string => n !== undefined)
        .map(Number)
        .sort((a, b) => a - b);
    } catch {
      return [];
    }
  }

  /** The path for a new run's log; older runs but the last are deleted. */
  newRun(podUid: string, container: string): string {
    const dir = this.containerDir(podUid, container);
    mkdirSync(dir, { recursive: true });
    const runs = this.runs(podUid, container);
    for (const old of runs.slice(0, -1)) {
      for (const file of readdirSync(dir)) if (file === `${old}.log` || file.startsWith(`${old}.log.`)) rmSync(join(dir, file), { force: true });
    }
    return join(dir, `${(runs.at(-1) ?? -1) + 1}.log`);
  }

  /** Lines of the current (or previous) run; none when there is no such run (as the simulated runtime answers). */
  read(podUid: string, container: string, options: LogOptions, now = new Date()): string[] {
    const runs = this.runs(podUid, container);
    const run = options.previous ? runs.at(-2) : runs.at(-1);
    if (run === undefined) return [];
    const records: LogRecord[] = [];
    for (const file of logFilesOf(join(this.containerDir(podUid, container), `${run}.log`), this.rotation)) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue; // rotated away while reading
      }
      for (const line of text.split('\n')) {
        const record = parseRecord(line);
        if (record) records.push(record);
      }
    }
    return selectLines(joinPartials(records), options, now);
  }

  /** Tells followers of this container about a new line. */
  publish(podUid: string, container: string, text: string): void {
    if (this.followers.size === 0) return;
    for (const listener of this.followers.get(`${podUid}/${container}`) ?? []) listener(text);
  }

  /** Whole lines from now on, across restarts of the container, until `signal` aborts. */
  async *follow(podUid: string, container: string, signal: AbortSignal): AsyncIterable<string> {
    const key = `${podUid}/${container}`;
    const queue: string[] = [];
    let wake: (() => void) | undefined;
    const listener = (text: string) => {
      queue.push(text);
      wake?.();
    };
    const onAbort = () => wake?.();
    const set = this.followers.get(key) ?? new Set();
    set.add(listener);
    this.followers.set(key, set);
    signal.addEventListener('abort', onAbort);
    try {
      while (!signal.aborted) {
        while (queue.length > 0 && !signal.aborted) yield queue.shift() as string;
        if (signal.aborted) break;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      set.delete(listener);
      if (set.size === 0) this.followers.delete(key);
    }
  }

  remove(podUid: string): void {
    rmSync(join(this.logsDir, podUid), { recursive: true, force: true });
  }
}
