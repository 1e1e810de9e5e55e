/**
 * Open-loop load: starts `count` calls at a fixed rate whatever their latency (up to
 * `maxInFlight` at once, so an overloaded server slows the rate instead of drowning in
 * connections), returns latencies in ms.
 */
export async function atFixedRate(ratePerSecond: number, count: number, call: (i: number) => Promise<unknown>, maxInFlight = 256): Promise<number[]> {
  const latencies: number[] = [];
  const started = performance.now();
  const pending = new Set<Promise<void>>();
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    while (pending.size >= maxInFlight) await Promise.race(pending);
    const t0 = performance.now();
    const p: Promise<void> = call(i).then(() => {
      latencies.push(performance.now() - t0);
      pending.delete(p);
    });
    pending.add(p);
  }
  await Promise.all(pending);
  return latencies;
}

export function percentiles(values: number[]): { p50: number; p99: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: round(at(0.5)), p99: round(at(0.99)), n: sorted.length };
}

const round = (x: number) => Math.round(x * 100) / 100;
