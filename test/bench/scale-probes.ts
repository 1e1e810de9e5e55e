import { readFileSync } from 'node:fs';

/** CPU time (user + system) a process has used so far, in seconds (Linux /proc; clock ticks of 100 Hz). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may contain spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Calls `call` `perSecond` times a second until stopped; resolves with the latencies in ms and the failures. */
export function probeLatency(call: () => Promise<unknown>, perSecond: number): { stop(): Promise<{ latencies: number[]; failures: number }> } {
  const latencies: number[] = [];
  let failures = 0;
  const pending = new Set<Promise<unknown>>();
  const timer = setInterval(() => {
    const t0 = performance.now();
    const p = call()
      .then(() => latencies.push(performance.now() - t0))
      .catch(() => failures++)
      .finally(() => pending.delete(p));
    pending.add(p);
  }, 1000 / perSecond);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      return { latencies, failures };
    },
  };
}

/** CPU seconds so far of each PostgreSQL backend serving `databaseUrl` (the server runs on this machine), by pid. */
export async function postgresBackendCpu(databaseUrl: string): Promise<Map<number, number>> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        cpu.set(pid, cpuSeconds(pid));
      } catch {
        // the backend exited meanwhile
      }
    }
    return cpu;
  } finally {
    await client.end();
  }
}

/** CPU the backends used between two samples (backends new since `before` count from zero). */
export function backendCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}

/** API operation → calls and summed latency, from the API's Prometheus text. */
export function operationStats(metricsText: string): Map<string, { calls: number; seconds: number }> {
  const stats = new Map<string, { calls: number; seconds: number }>();
  const entry = (op: string) => stats.get(op) ?? stats.set(op, { calls: 0, seconds: 0 }).get(op)!;
  for (const line of metricsText.split('\n')) {
    const m = /^(wheelhouse_api_requests_total|wheelhouse_api_request_duration_seconds_sum)\{operation="([^"]+)"[^}]*\} (\S+)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'wheelhouse_api_requests_total') entry(m[2]!).calls += Number(m[3]);
    else entry(m[2]!).seconds += Number(m[3]);
  }
  return stats;
}

/** Calls and mean latency per operation between two scrapes, busiest first. */
export function operationsBetween(before: Map<string, { calls: number; seconds: number }>, after: Map<string, { calls: number; seconds: number }>, top = 12) {
  return Object.fromEntries(
    [...after]
      .map(([op, a]) => {
        const b = before.get(op) ?? { calls: 0, seconds: 0 };
        const calls = a.calls - b.calls;
        return [op, { calls, meanMs: calls > 0 ? Math.round(((a.seconds - b.seconds) / calls) * 1000) : 0 }] as const;
      })
      .filter(([, s]) => s.calls > 0)
      .sort((x, y) => y[1].calls - x[1].calls)
      .slice(0, top),
  );
}
