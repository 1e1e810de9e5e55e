/**
 * `npm run bench:agent [-- --nodes 500 --pods 10000 --start-delay-ms 0-200]`: one simulated node agent process
 * against a real API on a throwaway database; pods are created already bound (no
 * scheduler), 500 per createPods call, so the figures are the agent's path alone:
 * watch → start → batched status. Prints JSON: time to create, time from the first
 * create until all are Running, and the agent's status writes (reports and calls);
 * beside them the simulated container start time (a random wait in --start-delay-ms,
 * part of every pod's time to Running) and the PostgreSQL ceiling of the same run.
 */
import { parseArgs } from 'node:util';
import { startTestApi } from '../support/api.js';
import { spawnNodeAgent } from '../support/node-agent.js';
import { measurePostgresCeiling } from './pg-ceiling.js';

const { values: args } = parseArgs({
  options: { nodes: { type: 'string', default: '500' }, pods: { type: 'string', default: '10000' }, 'start-delay-ms': { type: 'string', default: '0-200' } },
});
const START_DELAY = args['start-delay-ms'];
const NODES = Number(args.nodes);
const PODS = Number(args.pods);
const CREATE = `mutation($inputs: [PodInput!]!) { createPods(namespace: "default", inputs: $inputs) { metadata { name } } }`;
const RUNNING = `query($c: String) { pods(namespace: "default", fieldSelector: "status.phase=Running", limit: 5000, continue: $c) { metadata { continue } items { metadata { name } } } }`;

// Measured first, on an idle server: the figures below are read against it.
const postgresCeiling = await measurePostgresCeiling();
const api = await startTestApi();
const agent = spawnNodeAgent(api.url, {
  args: ['--nodes', String(NODES), '--node-prefix', 'n-'],
  env: { WHEELHOUSE_STATUS_BATCH_MS: '100', WHEELHOUSE_SIM_START_DELAY_MS: START_DELAY, WHEELHOUSE_NODE_LEASE_RENEW_MS: '10000', WHEELHOUSE_NODE_STATUS_UPDATE_MS: '10000' },
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const agentStart = Date.now();
while (!/running \d+ node\(s\)/.test(agent.output())) {
  if (agent.exitCode !== null) throw new Error(`agent exited: ${agent.output()}`);
  await sleep(100);
}
const agentReadyMs = Date.now() - agentStart;

async function runningCount(): Promise<number> {
  let count = 0;
  let next: string | null = null;
  do {
    const page: { pods: { metadata: { continue: string | null }; items: unknown[] } } = await api.ok(RUNNING, { c: next });
    count += page.pods.items.length;
    next = page.pods.metadata.continue;
  } while (next);
  return count;
}

const start = Date.now();
for (let i = 0; i < PODS; i += 500) {
  const inputs = [];
  for (let j = i; j < Math.min(PODS, i + 500); j++) {
    inputs.push({ metadata: { name: `p-${j}` }, spec: { nodeName: `n-${j % NODES}`, containers: [{ name: 'app', image: 'nginx' }] } });
  }
  // A keep-alive socket the loaded API closed is not a failure of the benchmark.
  for (let attempt = 0; ; attempt++) {
    try {
      await api.ok(CREATE, { inputs });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
const createdMs = Date.now() - start;
let allRunningMs: number | undefined;
while (Date.now() - start < 300_000) {
  const running = await runningCount().catch(() => 0);
  if (running >= PODS) {
    allRunningMs = Date.now() - start;
    break;
  }
  await sleep(250);
}
await agent.stop();
const writes = /pod status: (\d+) reports in (\d+) calls/.exec(agent.output());
console.log(
  JSON.stringify(
    {
      simplifications: [
        'pods are created already bound, 500 per call: no scheduler, no controller-manager',
        'the API runs in the bench process (startTestApi), sharing its event loop with the load generator',
        'simulated runtime: containers are timers, not processes',
        'node leases and node status every 10 s (the tests use 0.5 s)',
      ],
      simulatedStartDelay: {
        rangeMs: START_DELAY,
        meanMs: mean(START_DELAY),
        note: 'each container start waits a random time in this range; it is part of allRunningMs (--start-delay-ms 0 removes it)',
      },
      postgresCeiling,
      nodes: NODES,
      pods: PODS,
      agentRegisteredMs: agentReadyMs,
      allCreatedMs: createdMs,
      allRunningMs: allRunningMs ?? null,
      runningAfterLastCreateMs: allRunningMs === undefined ? null : allRunningMs - createdMs,
      statusReports: writes ? Number(writes[1]) : null,
      statusCalls: writes ? Number(writes[2]) : null,
    },
    null,
    2,
  ),
);
await api.close();

/** The mean of a uniform `min-max` range in ms ('0' is 0). */
function mean(range: string): number {
  const [min, max = min] = range.split('-').map(Number);
  return ((min ?? 0) + (max ?? 0)) / 2;
}
