/**
 * `npm run bench:dashboard [-- --pods 10000 --nodes 300 | --small]`: the dashboard in headless
 * Chromium against a seeded cluster of real processes — API, controller-manager, scheduler,
 * a simulated node agent running the seeded nodes (`--manage-annotated`), the dashboard
 * server — seeded with `wh seed --scale`. For Overview, Pods (all namespaces), Deployments,
 * Nodes, Topology and a pod detail page it prints: time to first rows, long tasks (total
 * and longest), JS heap, frames dropped while ~100 pod events/s arrive, and the slowest
 * answer of a page.evaluate probe (is the tab answering?).
 */
import { parseArgs } from 'node:util';
import { cpus, loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { TEST_TOKEN } from '../support/api.js';
import { seedScale, waitForScalePods } from '../support/scale-seed.js';
import { startDashboardStack } from '../e2e/dashboard-stack.js';
import { launchChromium } from '../e2e/browser.js';
import { measurePostgresCeiling } from './pg-ceiling.js';
import { drivePodEvents, measurePage, type PageFigures } from './dashboard-probes.js';

const { values: args } = parseArgs({
  options: {
    pods: { type: 'string', default: '10000' },
    nodes: { type: 'string', default: '300' },
    small: { type: 'boolean', default: false },
    'events-per-second': { type: 'string', default: '100' },
    'first-rows-timeout-seconds': { type: 'string', default: '60' },
    'skip-pg-ceiling': { type: 'boolean', default: false },
    'created-timeout-seconds': { type: 'string', default: '1800' },
    'running-timeout-seconds': { type: 'string', default: '1800' },
  },
});
const PODS = args.small ? 1000 : Number(args.pods);
const NODES = args.small ? 30 : Number(args.nodes);
const EVENTS_PER_SECOND = Number(args['events-per-second']);
const CREATED_TIMEOUT_MS = Number(args['created-timeout-seconds']) * 1000;
const RUNNING_TIMEOUT_MS = Number(args['running-timeout-seconds']) * 1000;
const FIRST_ROWS_TIMEOUT_MS = Number(args['first-rows-timeout-seconds']) * 1000;
const phase = (name: string) => process.stderr.write(`bench: ${name}\n`);

const conditions = { cpus: cpus().length, loadAverage1mAtStart: Number(loadavg()[0]!.toFixed(2)) };
const postgresCeiling = args['skip-pg-ceiling'] ? undefined : await measurePostgresCeiling();

phase('starting API, controller-manager, scheduler, simulated agent, dashboard');
// The seeded nodes are run by the agent in kwok mode, reporting every 10 s as real kubelets do.
const stack = await startDashboardStack({
  agentArgs: ['--manage-annotated', '--nodes', '1', '--node-prefix', 'bench-'],
  agentEnv: { WHEELHOUSE_NODE_LEASE_RENEW_MS: '10000', WHEELHOUSE_NODE_STATUS_UPDATE_MS: '10000', WHEELHOUSE_SIM_START_DELAY_MS: '0-200' },
});
let browser: Browser | undefined;
try {
  phase(`seeding ${PODS} pods on ${NODES} nodes (wh seed --scale's manifests, applied 10 per call)`);
  const seedStarted = performance.now();
  await seedScale(stack.api, NODES, PODS, (l) => phase(`  ${l}`));
  // All pods created and Running when the machine allows (--created-/--running-timeout-seconds), else measured with the pods there are.
  let running = 0;
  let created = PODS;
  try {
    await waitForScalePods(stack.api, PODS, { running: false, timeoutMs: CREATED_TIMEOUT_MS, log: (l) => phase(`  ${l}`) });
  } catch (error) {
    phase(`  ${(error as Error).message}: measuring anyway`);
    const { pods } = await stack.api.ok(`{ pods(namespace: "scale") { items { metadata { name } } } }`);
    created = pods.items.length;
  }
  try {
    running = await waitForScalePods(stack.api, PODS, { running: true, timeoutMs: RUNNING_TIMEOUT_MS, log: (l) => phase(`  ${l}`) });
  } catch (error) {
    phase(`  ${(error as Error).message}: measuring anyway`);
    const { pods } = await stack.api.ok(`{ pods(namespace: "scale", fieldSelector: "status.phase=Running") { items { metadata { name } } } }`);
    running = pods.items.length;
  }
  const seedSeconds = Math.round((performance.now() - seedStarted) / 1000);
  const { pods: somePods } = await stack.api.ok(`{ pods(namespace: "scale", limit: 1) { items { metadata { name } } } }`);
  const podName = somePods.items[0].metadata.name as string;

  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const signIn = await context.newPage();
  await signIn.goto(`${stack.dashboardUrl}/sign-in`);
  await signIn.getByLabel('Bearer token').fill(TEST_TOKEN);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await signIn.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await signIn.close();

  const pages: { name: string; path: string; firstRows: (page: Page) => Promise<unknown> }[] = [
    {
      name: 'Overview',
      path: '/',
      // A locator, not waitForFunction: the dashboard's CSP forbids the eval a string predicate needs.
      firstRows: (p) => p.locator('[data-testid=phase-Running] b').filter({ hasNotText: /^0$/ }).waitFor({ timeout: FIRST_ROWS_TIMEOUT_MS }),
    },
    { name: 'Pods (all namespaces)', path: '/pods', firstRows: (p) => p.locator('[data-testid=resource-row]').first().waitFor({ timeout: FIRST_ROWS_TIMEOUT_MS }) },
    { name: 'Deployments', path: '/deployments', firstRows: (p) => p.locator('[data-testid=resource-row]').first().waitFor({ timeout: FIRST_ROWS_TIMEOUT_MS }) },
    { name: 'Nodes', path: '/nodes', firstRows: (p) => p.locator('[data-testid=resource-row]').first().waitFor({ timeout: FIRST_ROWS_TIMEOUT_MS }) },
    { name: 'Topology', path: '/topology', firstRows: (p) => p.locator('[data-testid^=topology-]').first().waitFor({ timeout: FIRST_ROWS_TIMEOUT_MS }) },
    { name: 'Pod detail', path: `/pods/scale/${podName}`, firstRows: (p) => p.locator('[data-testid=summary]').first().waitFor({ timeout: FIRST_ROWS_TIMEOUT_MS }) },
  ];
  const figures: (PageFigures & { page: string })[] = [];
  for (const spec of pages) {
    phase(`page ${spec.name}`);
    const page = await context.newPage();
    const result = await measurePage(page, `${stack.dashboardUrl}${spec.path}`, spec.firstRows, () => drivePodEvents(stack.api, 'scale', EVENTS_PER_SECOND));
    figures.push({ page: spec.name, ...result });
    phase(`  ${JSON.stringify(result)}`);
    await page.close();
  }
  const report = {
    bench: 'dashboard',
    cluster: { pods: PODS, nodes: NODES, createdPods: created, runningPods: running, seedToAllRunningSeconds: seedSeconds },
    conditions: { ...conditions, loadAverage1mAtEnd: Number(loadavg()[0]!.toFixed(2)) },
    eventsPerSecond: EVENTS_PER_SECOND,
    pages: figures,
    postgresCeiling,
  };
  console.log(JSON.stringify(report, null, 2));
  console.log('\npage                    first rows  long tasks (total / max)  heap MiB  frames dropped  slowest probe');
  for (const f of figures) {
    const first = f.firstRowsMs === null ? 'timeout' : `${f.firstRowsMs} ms`;
    console.log(
      `${f.page.padEnd(24)}${first.padStart(10)}  ${`${f.longTaskTotalMs} / ${f.longTaskMaxMs} ms`.padStart(24)}  ${String(f.heapMiB).padStart(8)}  ${`${f.framesDropped}/${f.framesExpected}`.padStart(14)}  ${`${f.slowestProbeMs} ms`.padStart(13)}`,
    );
  }
  if (postgresCeiling)
    console.log(
      `PostgreSQL ceiling (pgbench, same machine): -N ${postgresCeiling.simpleUpdate.transactionsPerSecond} tps, -S ${postgresCeiling.selectOnly.transactionsPerSecond} tps`,
    );
} finally {
  await browser?.close();
  await stack.close();
}
