// Synthetic log lines of a simulated container run, computed from its times on demand
// (no timers per container: 10,000 pods must cost nothing while nobody reads their logs).

export const LOG_EVERY_MS = 5_000;

export interface SimRun {
  container: string;
  image: string;
  restartCount: number;
  startedAt: Date;
  finishedAt?: Date;
  exitCode?: number;
  /** The knob `log-every-ms`, else LOG_EVERY_MS. */
  logEveryMs?: number;
}

export interface LogLine {
  time: Date;
  text: string;
}

/** The lines the run has written up to `now`. */
export function runLines(run: SimRun, now: Date): LogLine[] {
  const end = run.finishedAt ?? now;
  const lines: LogLine[] = [{ time: run.startedAt, text: `simulated container ${run.container} (${run.image}) started, run ${run.restartCount}` }];
  const every = run.logEveryMs ?? LOG_EVERY_MS;
  for (let t = run.startedAt.getTime() + every, n = 1; t <= end.getTime(); t += every, n++) {
    lines.push({ time: new Date(t), text: `${run.container}: working, tick ${n}` });
  }
  if (run.finishedAt) lines.push({ time: run.finishedAt, text: `${run.container}: exiting with code ${run.exitCode ?? 0}` });
  return lines;
}

export function formatLines(lines: LogLine[], options: { tailLines?: number; sinceSeconds?: number; timestamps?: boolean }, now: Date): string[] {
  let selected = lines;
  if (options.sinceSeconds !== undefined) {
    const since = now.getTime() - options.sinceSeconds * 1000;
    selected = selected.filter((l) => l.time.getTime() >= since);
  }
  if (options.tailLines !== undefined) selected = options.tailLines <= 0 ? [] : selected.slice(-options.tailLines);
  return selected.map((l) => (options.timestamps ? `${l.time.toISOString()} ${l.text}` : l.text));
}
