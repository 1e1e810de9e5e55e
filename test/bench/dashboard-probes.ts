// What the dashboard bench measures on one page: time to first rows, long tasks, JS heap,
// frames dropped while pod events arrive, and how long the tab takes to answer a probe.
import type { Page } from 'playwright-core';
import type { TestApi } from '../support/api.js';

export interface PageFigures {
  /** Navigation start → the page's first rows on screen; null when they never came. */
  firstRowsMs: number | null;
  longTaskCount: number;
  longTaskTotalMs: number;
  longTaskMaxMs: number;
  /** JS heap in use after a forced GC, at the end of the page's run. */
  heapMiB: number;
  /** Animation frames expected at 60 Hz and missed during the event period. */
  framesExpected: number;
  framesDropped: number;
  /** The slowest page.evaluate round-trip from navigation to the end (the tab answering). */
  slowestProbeMs: number;
}

const EVENT_PERIOD_MS = 5000;
const SETTLE_MS = 2000;
const PROBE_EVERY_MS = 250;
const PROBE_GIVE_UP_MS = 30_000;

// Installed before any page script: every long task from navigation on is recorded.
const LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** ~`perSecond` MODIFIED pod events: annotation patches to the namespace's pods, ten at a time. Returns a stop function. */
export async function drivePodEvents(api: TestApi, namespace: string, perSecond: number): Promise<() => Promise<void>> {
  const { pods } = await api.ok(`query($ns: String) { pods(namespace: $ns, limit: 500) { items { metadata { name } } } }`, { ns: namespace });
  const names: string[] = pods.items.map((p: { metadata: { name: string } }) => p.metadata.name);
  let stopped = false;
  let tick = 0;
  const loop = (async () => {
    const batch = 10;
    while (!stopped && names.length > 0) {
      const started = performance.now();
      await Promise.all(
        Array.from({ length: batch }, () => {
          const name = names[tick++ % names.length]!;
          return api
            .gql(`mutation($ns: String, $n: String!, $p: JSONObject!) { patchPod(namespace: $ns, name: $n, patch: $p) { metadata { name } } }`, {
              ns: namespace,
              n: name,
              p: { metadata: { annotations: { 'bench.wheelhouse.io/tick': String(tick) } } },
            })
            .catch(() => undefined);
        }),
      );
      await sleep(Math.max(0, (1000 * batch) / perSecond - (performance.now() - started)));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}

/** Round-trips of `page.evaluate` every PROBE_EVERY_MS until stopped; resolves with the slowest. */
function probeAnswers(page: Page): () => Promise<number> {
  let slowest = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      await Promise.race([page.evaluate('1').catch(() => undefined), sleep(PROBE_GIVE_UP_MS)]);
      slowest = Math.max(slowest, performance.now() - started);
      await sleep(PROBE_EVERY_MS);
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return Math.round(slowest);
  };
}

export async function measurePage(page: Page, url: string, firstRows: (page: Page) => Promise<unknown>, startEvents: () => Promise<() => Promise<void>>): Promise<PageFigures> {
  await page.addInitScript(LONG_TASKS);
  const cdp = await page.context().newCDPSession(page);
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  const stopProbe = probeAnswers(page);
  let firstRowsMs: number | null = null;
  try {
    await firstRows(page);
    firstRowsMs = Math.round(performance.now() - started);
  } catch {
    // Never came: reported as null (the table says timeout).
  }
  await sleep(SETTLE_MS);
  const stopEvents = await startEvents();
  await page
    .evaluate(`window.__frames = 0; window.__framesFrom = performance.now(); (function count() { window.__frames++; requestAnimationFrame(count); })()`)
    .catch(() => undefined);
  await sleep(EVENT_PERIOD_MS);
  const frames = (await Promise.race([page.evaluate(`({ frames: window.__frames, ms: performance.now() - window.__framesFrom })`), sleep(PROBE_GIVE_UP_MS)]).catch(
    () => undefined,
  )) as { frames: number; ms: number } | undefined;
  await stopEvents();
  const slowestProbeMs = await stopProbe();
  const longTasks = ((await Promise.race([page.evaluate('window.__longTasks'), sleep(PROBE_GIVE_UP_MS)]).catch(() => undefined)) as number[] | undefined) ?? [];
  await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const heap = (await cdp.send('Runtime.getHeapUsage').catch(() => undefined)) as { usedSize: number } | undefined;
  const framesExpected = frames ? Math.round(frames.ms / (1000 / 60)) : Math.round(EVENT_PERIOD_MS / (1000 / 60));
  return {
    firstRowsMs,
    longTaskCount: longTasks.length,
    longTaskTotalMs: Math.round(longTasks.reduce((a, b) => a + b, 0)),
    longTaskMaxMs: Math.round(Math.max(0, ...longTasks)),
    heapMiB: heap ? Math.round(heap.usedSize / 2 ** 20) : -1,
    framesExpected,
    framesDropped: frames ? Math.max(0, framesExpected - frames.frames) : framesExpected,
    slowestProbeMs,
  };
}
