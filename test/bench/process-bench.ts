/**
 * `npm run bench:process [-- --pods 100 --rate 20]`: one node agent with the process
 * runtime, the API as its own process over a throwaway database. Creates `--pods` pods
 * (bound to the node, so the figure is the agent's: sandbox, process start, probes,
 * status) at `--rate` pods/s, each a tiny `node -e` HTTP server on its pod IP with an
 * httpGet readiness probe (periodSeconds 1), and prints JSON: create → Running and
 * create → Ready p50/p99 (from the create call to the watch event saying so), the
 * agent's RSS, and the containers' total RSS.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createThrowawayDatabase } from '@wheelhouse/migrate';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { atFixedRate, percentiles } from './load.js';
import { measurePostgresCeiling } from './pg-ceiling.js';
import { rssMiB, spawnApi, stop } from './processes.js';
import { TEST_TOKEN } from '../support/api.js';
import { spawnNodeAgent } from '../support/node-agent.js';

const { values: args } = parseArgs({
  options: {
    pods: { type: 'string', default: '100' },
    rate: { type: 'string', default: '20' },
    'timeout-seconds': { type: 'string', default: '300' },
  },
});
const PODS = Number(args.pods);
const RATE = Number(args.rate);
const NODE = 'bench-process-node';
const POD_CIDR = `127.${100 + (process.pid % 20)}.${(process.pid >> 5) % 256}.0/24`;
const phase = (name: string) => process.stderr.write(`bench: ${name}\n`);

// Measured first, on an idle server: the figures below are read against it.
const postgresCeiling = await measurePostgresCeiling();
const database = await createThrowawayDatabase();
const { process: api, url } = await spawnApi(database.url, TEST_TOKEN);
const agent = spawnNodeAgent(url, { nodeName: NODE, runtime: 'process', args: ['--pod-cidr', POD_CIDR] });

async function gql(query: string, variables?: Record<string, unknown>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors[0]!.message);
  return body.data;
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Sum of VmRSS over the agent's descendants (the containers). */
function descendantsRssMiB(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  let total = 0;
  const queue = [...(children.get(rootPid) ?? [])];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    try {
      total += rssMiB(pid).rss;
    } catch {
      // gone
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

const server = "require('http').createServer((q, s) => s.end('ok')).listen(8080, process.env.POD_IP)";
const podInput = (i: number) => ({
  metadata: { name: `web-${i}`, labels: { app: 'bench' } },
  spec: {
    nodeName: NODE,
    terminationGracePeriodSeconds: 1,
    containers: [
      {
        name: 'web',
        image: 'node:20',
        command: [process.execPath, '-e', server],
        env: [{ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }],
        ports: [{ name: 'http', containerPort: 8080 }],
        readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 1 },
      },
    ],
  },
});

try {
  phase('waiting for the node');
  await waitFor(
    'node registered',
    async () => ((await gql(`{ node(name: "${NODE}") { status { conditions { type status } } } }`)).node?.status?.conditions?.length ? true : undefined),
    60_000,
  );
  await gql(`mutation { createNamespace(input: { metadata: { name: "bench" } }) { metadata { name } } }`);

  const createdAt = new Map<string, number>();
  const readyAt = new Map<string, number>();
  const runningAt = new Map<string, number>();
  let allReady: () => void = () => {};
  const done = new Promise<void>((resolve) => (allReady = resolve));
  const ws = createClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${TEST_TOKEN}` } });
  const unsubscribe = ws.subscribe<{ watchPods: { object: { metadata: { name: string }; status: { phase?: string; conditions?: { type: string; status: string }[] } } } }>(
    { query: `subscription { watchPods(namespace: "bench") { type object { metadata { name } status { phase conditions { type status } } } } }` },
    {
      next: ({ data }) => {
        const pod = data?.watchPods.object;
        if (!pod || readyAt.has(pod.metadata.name)) return;
        if (pod.status?.phase === 'Running' && !runningAt.has(pod.metadata.name)) runningAt.set(pod.metadata.name, performance.now());
        if (pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) {
          readyAt.set(pod.metadata.name, performance.now());
          if (readyAt.size === PODS) allReady();
        }
      },
      error: (e) => process.stderr.write(`watch error: ${JSON.stringify(e)}\n`),
      complete: () => {},
    },
  );
  await new Promise((r) => setTimeout(r, 500)); // let the subscription open

  phase(`creating ${PODS} pods at ${RATE}/s`);
  const agentCpuBefore = cpuSecondsOf(agent.pid!);
  const apiCpuBefore = cpuSecondsOf(api.pid!);
  const started = performance.now();
  const createLatencies = await atFixedRate(RATE, PODS, async (i) => {
    createdAt.set(`web-${i}`, performance.now());
    await gql(`mutation($input: PodInput!) { createPod(namespace: "bench", input: $input) { metadata { name } } }`, { input: podInput(i) });
  });
  let peakAgentRss = rssMiB(agent.pid!).rss;
  const sampler = setInterval(() => (peakAgentRss = Math.max(peakAgentRss, rssMiB(agent.pid!).rss)), 250);
  await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${readyAt.size}/${PODS} Ready`)), Number(args['timeout-seconds']) * 1000))]);
  const wallSeconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  unsubscribe();

  const agentCpuSeconds = Math.round((cpuSecondsOf(agent.pid!) - agentCpuBefore) * 100) / 100;
  const apiCpuSeconds = Math.round((cpuSecondsOf(api.pid!) - apiCpuBefore) * 100) / 100;
  const loadAverage1m = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  const agentRss = rssMiB(agent.pid!);
  const containersRss = descendantsRssMiB(agent.pid!);
  const createToReady = [...readyAt].map(([name, at]) => at - createdAt.get(name)!);
  const figures = {
    simplifications: [
      'pods are created already bound to the one node: no scheduler, no controller-manager',
      'each container is a tiny `node -e` HTTP server on a loopback pod IP, not an image',
      `pods are created at a fixed ${RATE} pods/s, not as fast as possible`,
    ],
    postgresCeiling,
    pods: PODS,
    ratePerSecond: RATE,
    readinessProbe: 'httpGet, periodSeconds 1',
    createToRunningMs: percentiles([...runningAt].map(([name, at]) => at - createdAt.get(name)!)),
    createToReadyMs: percentiles(createToReady),
    createCallMs: percentiles(createLatencies),
    allReadySeconds: Math.round(wallSeconds * 100) / 100,
    agentRssMiB: { end: agentRss.rss, peakSampled: Math.max(peakAgentRss, agentRss.rss), peakKernel: agentRss.peak },
    containersRssMiB: containersRss,
    agentCpuSeconds,
    apiCpuSeconds,
    loadAverage1m,
    apiRssMiB: rssMiB(api.pid!),
  };
  console.log(JSON.stringify(figures, null, 2));
  await ws.dispose();
} finally {
  phase('cleaning up');
  await agent.stop(); // stops every container process
  await stop(api);
  await database.drop();
  rmSync(agent.dataDir, { recursive: true, force: true });
}
