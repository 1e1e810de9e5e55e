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
