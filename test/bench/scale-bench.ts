/**
 * `npm run bench:scale [-- --nodes 500 --pods 10000 --deployments 20]`: the whole control
 * plane as real processes on a throwaway database — API, controller-manager, scheduler —
 * and simulated nodes (`apps/node-agent --runtime simulated --nodes N`, or the stand-in
 * scale-fake-agent.js with `--fake-agent` or while the agent has no main yet). Creates
 * Deployments totalling `--pods` pods in one call and prints JSON: create → all Running,
 * pods/s, scheduler decisions/s, API p99 of a probe query during the run, peak RSS and
 * CPU seconds of each process.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';
import { createThrowawayDatabase } from '@wheelhouse/migrate';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { percentiles } from './load.js';
import { measurePostgresCeiling } from './pg-ceiling.js';
import { dieWithBench, rssMiB, spawnApi, spawnControllerManager, stop } from './processes.js';
import { backendCpuBetween, cpuSeconds, operationsBetween, operationStats, postgresBackendCpu, probeLatency } from './scale-probes.js';

const { values: args } = parseArgs({
  options: {
    nodes: { type: 'string', default: '500' },
    pods: { type: 'string', default: '10000' },
    deployments: { type: 'string', default: '20' },
    'fake-agent': { type: 'boolean', default: false },
    'timeout-seconds': { type: 'string', default: '600' },
    /** Write a V8 CPU profile of every component into this directory. */
    'cpu-prof': { type: 'string' },
  },
});
const NODES = Number(args.nodes);
const PODS = Number(args.pods);
const DEPLOYMENTS = Math.min(Number(args.deployments), PODS);
const TIMEOUT_MS = Number(args['timeout-seconds']) * 1000;
const TOKEN = 'bench-token';
const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const AGENT_MAIN = root('apps/node-agent/dist/main.js');
const realAgent = !args['fake-agent'] && existsSync(AGENT_MAIN);
const nodeArgs = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`] : [];
const phase = (name: string) => process.stderr.write(`bench: ${name}\n`);

function spawnLogged(label: string, argv: string[], env: Record<string, string>): ChildProcess {
  const child = dieWithBench(spawn(process.execPath, [...nodeArgs, ...argv], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] }));
  child.stderr!.on('data', (c: Buffer) => process.stderr.write(`[${label}] ${c}`));
  return child;
}

// Measured first, on an idle server: the figures below are read against it.
const postgresCeiling = await measurePostgresCeiling();
const database = await createThrowawayDatabase();
const { process: api, url } = await spawnApi(database.url, TOKEN, nodeArgs);
const gql = async (query: string, variables?: Record<string, unknown>) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors[0]!.message);
  return body.data;
};
const componentEnv = { WHEELHOUSE_SERVER: url, WHEELHOUSE_TOKEN: TOKEN };
/** The simulated runtime's container start time, a random value in this range (the agent's default). */
const SIM_START_DELAY = process.env.WHEELHOUSE_SIM_START_DELAY_MS ?? '0-200';

phase(`${NODES} nodes (${realAgent ? 'apps/node-agent --runtime simulated' : 'stand-in fake agent'})`);
const agent = realAgent
  ? spawnLogged('node-agent', [AGENT_MAIN, '--runtime', 'simulated', '--nodes', String(NODES), '--port', '0'], {
      ...componentEnv,
      WHEELHOUSE_AGENT_DATA_DIR: `/tmp/wh-scale-agent-${process.pid}`,
      WHEELHOUSE_SIM_START_DELAY_MS: SIM_START_DELAY,
    })
  : spawnLogged('fake-agent', [root('test/dist/bench/scale-fake-agent.js'), url, TOKEN, String(NODES)], {});
const readyNodes = async () => {
  const { nodes } = await gql(`query { nodes { items { status { conditions { type status } } } } }`);
  return nodes.items.filter((n: any) => n.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True')).length;
};
for (let started = performance.now(); (await readyNodes()) < NODES; ) {
  if (performance.now() - started > 120_000) throw new Error('nodes did not become Ready within 120 s');
  await new Promise((r) => setTimeout(r, 500));
}

phase('controller-manager and scheduler');
// A saturated API answers lease renewals late: longer leases keep the leaders through the
// run (Kubernetes' defaults are 15 s / 10 s) instead of measuring leader churn.
Object.assign(process.env, { WHEELHOUSE_LEASE_DURATION_SECONDS: '60', WHEELHOUSE_RENEW_DEADLINE_MS: '45000', WHEELHOUSE_RETRY_PERIOD_MS: '2000' });
const manager = spawnControllerManager(url, TOKEN, 10297, nodeArgs);
const scheduler = spawnLogged('scheduler', [root('apps/scheduler/dist/main.js')], { ...componentEnv, WHEELHOUSE_SCHEDULER_METRICS_PORT: '10296' });
let leaderChanges = 0;
for (const child of [manager, scheduler]) child.stderr!.on('data', (c: Buffer) => (leaderChanges += (String(c).match(/lost leadership/g) ?? []).length));
const leaseHeld = async (name: string) =>
  Boolean((await gql(`query($n: String!) { lease(namespace: "kube-system", name: $n) { spec { holderIdentity } } }`, { n: name })).lease?.spec?.holderIdentity);
while (!(await leaseHeld('wheelhouse-scheduler'))) await new Promise((r) => setTimeout(r, 200));
await new Promise((r) => setTimeout(r, 2000)); // informers synced
await gql(`mutation { createNamespace(input: { metadata: { name: "bench" } }) { metadata { name } } }`);

// What the run is measured by: a watch on the bench pods (their binding and Running times).
let created = 0;
const createdAt: number[] = [];
const boundAt: number[] = [];
const runningAt: number[] = [];
const seen = new Map<string, { created: number; bound?: number; running?: number }>();
const runningNow = new Set<string>();
/** Pods deleted during the run, by bound/unbound, phase and reason: a healthy run deletes none. */
const deleted = new Map<string, number>();
let allRunning!: () => void;
const done = new Promise<void>((resolve) => (allRunning = resolve));
const ws = createClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${TOKEN}` } });
ws.subscribe<{
  watchPods: { type: string; object: { metadata: { name: string }; spec: { nodeName: string | null }; status: { phase: string | null; reason: string | null } | null } };
}>(
  { query: `subscription { watchPods(namespace: "bench") { type object { metadata { name } spec { nodeName } status { phase reason } } } }` },
  {
    next: ({ data }) => {
      const e = data!.watchPods;
      const state = seen.get(e.object.metadata.name) ?? { created: performance.now() };
      if (!seen.has(e.object.metadata.name)) {
        seen.set(e.object.metadata.name, state);
        created++;
        createdAt.push(performance.now());
      }
      const t = performance.now();
      if (e.type === 'DELETED') {
        const why = `${e.object.spec.nodeName ? 'bound' : 'unbound'} ${e.object.status?.phase ?? 'no phase'}${e.object.status?.reason ? ` ${e.object.status.reason}` : ''}`;
        deleted.set(why, (deleted.get(why) ?? 0) + 1);
      }
      if (state.bound === undefined && e.object.spec.nodeName) {
        state.bound = t;
        boundAt.push(t);
      }
      if (state.running === undefined && e.object.status?.phase === 'Running') {
        state.running = t;
        runningAt.push(t);
      }
      // Done when PODS pods are Running at once (a controller that over-creates and deletes does not count twice).
      if (e.type !== 'DELETED' && e.object.status?.phase === 'Running') runningNow.add(e.object.metadata.name);
      else runningNow.delete(e.object.metadata.name);
      if (runningNow.size >= PODS) allRunning();
    },
    error: (e) => process.stderr.write(`bench watch: ${JSON.stringify(e)}\n`),
    complete: () => {},
  },
);
await new Promise((r) => setTimeout(r, 500));

const perDeployment = Math.ceil(PODS / DEPLOYMENTS);
const deployment = (i: number) => {
  const replicas = Math.min(perDeployment, PODS - i * perDeployment);
  return {
    metadata: { name: `d${i}` },
    spec: {
      replicas,
      selector: { matchLabels: { app: `d${i}` } },
      template: { metadata: { labels: { app: `d${i}` } }, spec: { containers: [{ name: 'app', image: 'nginx:1.25', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } },
    },
  };
};
const processes = { api, controllerManager: manager, scheduler, [realAgent ? 'nodeAgent' : 'fakeAgent']: agent } as Record<string, ChildProcess>;
const scrapeOperations = async () => operationStats(await (await fetch(url.replace('/graphql', '/metrics'))).text());
const operationsBefore = await scrapeOperations();
const postgresBefore = await postgresBackendCpu(database.url);
const cpuBefore = Object.fromEntries(Object.entries(processes).map(([k, p]) => [k, cpuSeconds(p.pid!)]));

phase(`create ${DEPLOYMENTS} Deployments, ${PODS} pods`);
const probe = probeLatency(() => gql(`query($n: String!) { deployment(namespace: "bench", name: $n) { metadata { resourceVersion } } }`, { n: 'd0' }), 10);
const t0 = performance.now();
await gql(`mutation($inputs: [DeploymentInput!]!) { createDeployments(namespace: "bench", inputs: $inputs) { metadata { name } } }`, {
  inputs: Array.from({ length: DEPLOYMENTS }, (_, i) => deployment(i)).filter((d) => d.spec.replicas > 0),
});
const timedOut = await Promise.race([done.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), TIMEOUT_MS))]);
const seconds = (performance.now() - t0) / 1000;
const probed = await probe.stop();
const cpu = Object.fromEntries(Object.entries(processes).map(([k, p]) => [k, round(cpuSeconds(p.pid!) - cpuBefore[k]!)]));
const operations = operationsBetween(operationsBefore, await scrapeOperations());
cpu.postgresBackends = round(backendCpuBetween(postgresBefore, await postgresBackendCpu(database.url)));
const rss = Object.fromEntries(Object.entries(processes).map(([k, p]) => [k, rssMiB(p.pid!).peak]));
const span = (times: number[]) => (times.length > 1 ? (times[times.length - 1]! - times[0]!) / 1000 : NaN);
const at = (times: number[], q: number) => round((times[Math.min(times.length - 1, Math.floor(q * times.length))]! - t0) / 1000);

console.log(
  JSON.stringify(
    {
      simplifications: [
        realAgent
          ? `simulated runtime: containers are timers, not processes; each start takes a random ${SIM_START_DELAY} ms (WHEELHOUSE_SIM_START_DELAY_MS), included in the times below`
          : 'stand-in agent (test/bench/scale-fake-agent.ts): pods reported Running at once, no node agent',
        `${NODES} nodes served by one agent process`,
        'leases of 60 s for the controller-manager and scheduler, so a saturated API does not cost them leadership',
      ],
      postgresCeiling,
      conditions: {
        nodes: NODES,
        pods: PODS,
        deployments: DEPLOYMENTS,
        agent: realAgent ? 'apps/node-agent --runtime simulated' : 'stand-in (test/bench/scale-fake-agent.ts)',
        cpus: (await import('node:os')).cpus().length,
        loadAverage1m: (await import('node:os')).loadavg()[0],
      },
      timedOut,
      podsCreatedTotal: created,
      podsRunningAtEnd: runningNow.size,
      podsDeleted: Object.fromEntries(deleted),
      nodesReadyAtEnd: await readyNodes(),
      leadershipLost: leaderChanges,
      createToAllRunningSeconds: round(seconds),
      podsPerSecond: round(runningAt.length / seconds),
      schedulerDecisionsPerSecond: round(boundAt.length / span(boundAt)),
      timeline: {
        halfCreated: at(createdAt, 0.5),
        allCreated: at(createdAt, 1),
        firstBound: at(boundAt, 0),
        halfBound: at(boundAt, 0.5),
        allBound: at(boundAt, 1),
        firstRunning: at(runningAt, 0),
        halfRunning: at(runningAt, 0.5),
        allRunning: at(runningAt, 1),
      },
      // Per pod, as the watch saw it: created → bound (queue + scheduling + bindPods), bound → Running (node agent).
      perPodMs: {
        createdToBound: percentiles([...seen.values()].filter((p) => p.bound !== undefined).map((p) => p.bound! - p.created)),
        boundToRunning: percentiles([...seen.values()].filter((p) => p.bound !== undefined && p.running !== undefined).map((p) => p.running! - p.bound!)),
      },
      apiProbeLatencyMs: { ...percentiles(probed.latencies), failed: probed.failures },
      apiOperations: operations,
      peakRssMiB: rss,
      cpuSecondsDuringRun: cpu,
    },
    null,
    2,
  ),
);
await ws.dispose();
for (const p of [scheduler, manager, agent]) await stop(p);
await stop(api);
await database.drop();
process.exit(0);

function round(x: number) {
  return Math.round(x * 100) / 100;
}
