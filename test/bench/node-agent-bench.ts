/**
 * `npm run bench:agent [-- --nodes 500 --pods 10000]`: one simulated node agent process
 * against a real API on a throwaway database; pods are created already bound (no
 * scheduler), 500 per createPods call, so the figures are the agent's path alone:
 * watch → start → batched status. Prints JSON: time to create, time from the first
 * create until all are Running, and the agent's status writes (reports and calls).
 */
import { parseArgs } from 'node:util';
import { startTestApi } from '../support/api.js';
import { spawnNodeAgent } from '../support/node-agent.js';

const { values: args } = parseArgs({ options: { nodes: { type: 'string', default: '500' }, pods: { type: 'string', default: '10000' } } });
const NODES = Number(args.nodes);
const PODS = Number(args.pods);
const CREATE = `mutation($inputs: [PodInput!]!) { createPods(namespace: "default", inputs: $inputs) { metadata { name } } }`;
const RUNNING = `query($c: String) { pods(namespace: "default", fieldSelector: "status.phase=Running", limit: 5000, continue: $c) { metadata { continue } items { metadata { name } } } }`;

const api = await startTestApi();
const agent = spawnNodeAgent(api.url, {
  args: ['--nodes', String(NODES), '--node-prefix', 'n-'],
  env: { WHEELHOUSE_STATUS_BATCH_MS: '100', WHEELHOUSE_SIM_START_DELAY_MS: '0-200', WHEELHOUSE_NODE_LEASE_RENEW_MS: '10000', WHEELHOUSE_NODE_STATUS_UPDATE_MS: '10000' },
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
