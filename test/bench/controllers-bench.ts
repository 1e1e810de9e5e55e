/**
 * `npm run bench:controllers`: API and controller-manager as their own processes over a
 * throwaway database; the test kubelet (test/support/test-kubelet.ts) marks pods Running
 * and Ready at once, unscheduled: the controllers' own speed.
 * `npm run bench:controllers:simulated [-- --nodes 500]`: the same load on the whole
 * cluster, as bench:scale runs it: the scheduler binds the pods and one simulated node
 * agent (`apps/node-agent --runtime simulated --nodes N`) runs them and reports them.
 * Creates BENCH_DEPLOYMENTS (100) Deployments of BENCH_REPLICAS (100) pods, waits until
 * all are available, rolls all of them out, and prints JSON: times, pods/s, reconciles/s,
 * API calls per pod (all clients, the status reports included), RSS, the PostgreSQL
 * ceiling of the same run and what the run simplifies.
 * With --simulated it then creates one DaemonSet over every node (create → a Running,
 * available pod on each node) and rolls it out (BENCH_DS_MAX_UNAVAILABLE, default 10%).
 * BENCH_DEPLOYMENTS=0 skips the Deployments.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createThrowawayDatabase } from '@wheelhouse/migrate';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestKubelet } from '../support/test-kubelet.js';
import { measurePostgresCeiling } from './pg-ceiling.js';
import { counterSum, dieWithBench, rssMiB, spawnApi, spawnControllerManager, stop } from './processes.js';

const { values: args } = parseArgs({ options: { simulated: { type: 'boolean', default: false }, nodes: { type: 'string', default: '500' } } });
const SIMULATED = args.simulated;
const NODES = Number(args.nodes);
/** The simulated runtime's container start time (the agent's default, as in bench:scale). */
const SIM_START_DELAY = process.env.WHEELHOUSE_SIM_START_DELAY_MS ?? '0-200';

const TOKEN = 'bench-token';
const DEPLOYMENTS = Number(process.env.BENCH_DEPLOYMENTS ?? 100);
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 100);
const METRICS_PORT = 10298;
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 600_000);

// Measured first, on an idle server: the figures below are read against it.
const postgresCeiling = await measurePostgresCeiling();
const database = await createThrowawayDatabase();
const { process: api, url } = await spawnApi(database.url, TOKEN);
const gql = async (query: string, variables?: Record<string, unknown>) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors[0]!.message);
  return body.data;
};
const apiCalls = async () => counterSum(await (await fetch(url.replace('/graphql', '/metrics'))).text(), 'wheelhouse_api_requests_total');
const reconciles = async () => counterSum(await (await fetch(`http://127.0.0.1:${METRICS_PORT}/metrics`)).text(), 'wheelhouse_reconcile_total');
const phase = (name: string) => process.stderr.write(`bench: ${name}\n`);

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const spawnComponent = (label: string, script: string, args: string[], env: Record<string, string>) => {
  const child = dieWithBench(
    spawn(process.execPath, [root(script), ...args], {
      env: { ...process.env, WHEELHOUSE_SERVER: url, WHEELHOUSE_TOKEN: TOKEN, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  child.stderr!.on('data', (c: Buffer) => process.stderr.write(`[${label}] ${c}`));
  return child;
};

const ws = createClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${TOKEN}` } });
const kubelet = SIMULATED ? undefined : startTestKubelet(ws, gql, () => true, 64);
const agent = SIMULATED
  ? spawnComponent('node-agent', 'apps/node-agent/dist/main.js', ['--runtime', 'simulated', '--nodes', String(NODES), '--port', '0'], {
      WHEELHOUSE_AGENT_DATA_DIR: `/tmp/wh-controllers-agent-${process.pid}`,
      WHEELHOUSE_SIM_START_DELAY_MS: SIM_START_DELAY,
    })
  : undefined;
if (SIMULATED) {
  phase(`${NODES} simulated nodes`);
  const readyNodes = async () => {
    const { nodes } = await gql(`query { nodes { items { status { conditions { type status } } } } }`);
    return nodes.items.filter((n: any) => n.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True')).length;
  };
  for (const started = performance.now(); (await readyNodes()) < NODES; await new Promise((r) => setTimeout(r, 500))) {
    if (performance.now() - started > 120_000) throw new Error('nodes did not become Ready within 120 s');
  }
  // As bench:scale: a saturated API answers lease renewals late; longer leases keep the leaders.
  Object.assign(process.env, { WHEELHOUSE_LEASE_DURATION_SECONDS: '60', WHEELHOUSE_RENEW_DEADLINE_MS: '45000', WHEELHOUSE_RETRY_PERIOD_MS: '2000' });
}
const manager = spawnControllerManager(url, TOKEN, METRICS_PORT);
const scheduler = SIMULATED ? spawnComponent('scheduler', 'apps/scheduler/dist/main.js', [], { WHEELHOUSE_SCHEDULER_METRICS_PORT: '0' }) : undefined;
await gql(`mutation { createNamespace(input: { metadata: { name: "bench" } }) { metadata { name } } }`);

const deployment = (i: number) => ({
  metadata: { name: `d${i}` },
  spec: {
    replicas: REPLICAS,
    selector: { matchLabels: { app: `d${i}` } },
    template: { metadata: { labels: { app: `d${i}` } }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] } },
  },
});
/** Seconds until every Deployment reports `replicas` updated and available for the current generation. */
async function allAvailable(started: number): Promise<number> {
  for (;;) {
    const { deployments } = await gql(
      `query { deployments(namespace: "bench") { items { metadata { generation } status { observedGeneration updatedReplicas availableReplicas } } } }`,
    );
    const ready = deployments.items.filter(
      (d: any) => d.status?.observedGeneration === d.metadata.generation && d.status?.updatedReplicas === REPLICAS && d.status?.availableReplicas === REPLICAS,
    ).length;
    if (ready === DEPLOYMENTS) return (performance.now() - started) / 1000;
    if (performance.now() - started > TIMEOUT_MS) throw new Error(`timed out: ${ready}/${DEPLOYMENTS} deployments available`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

await new Promise((r) => setTimeout(r, 3000)); // the manager takes its lease and syncs its informers
const callsBefore = await apiCalls();
phase('create');
const createStart = performance.now();
if (DEPLOYMENTS > 0) {
  await gql(`mutation($inputs: [DeploymentInput!]!) { createDeployments(namespace: "bench", inputs: $inputs) { metadata { name } } }`, {
    inputs: Array.from({ length: DEPLOYMENTS }, (_, i) => deployment(i)),
  });
}
const createSeconds = await allAvailable(createStart);
const createCalls = (await apiCalls()) - callsBefore;

phase('rollout');
const rolloutStart = performance.now();
for (let i = 0; i < DEPLOYMENTS; i++) {
  await gql(
    `mutation($name: String!) { patchDeployment(namespace: "bench", name: $name, patch: { spec: { template: { spec: { containers: [{ name: "app", image: "nginx:1.26" }] } } } }) { metadata { name } } }`,
    { name: `d${i}` },
  );
}
const rolloutSeconds = await allAvailable(rolloutStart);
const pods = DEPLOYMENTS * REPLICAS;
const totalReconciles = await reconciles();
const daemonSet = SIMULATED ? await daemonSetSection() : undefined;
console.log(
  JSON.stringify(
    {
      runsOn: SIMULATED
        ? `scheduled by the scheduler onto ${NODES} nodes of one simulated node agent (apps/node-agent --runtime simulated), as in bench:scale`
        : 'test kubelet (test/support/test-kubelet.ts): no scheduling, no node agent, every pod Running and Ready at once',
      simplifications: SIMULATED
        ? [
            `simulated runtime: containers are timers, not processes; each start takes a random ${SIM_START_DELAY} ms (WHEELHOUSE_SIM_START_DELAY_MS), included in the times below`,
            `${NODES} nodes served by one agent process`,
            'leases of 60 s for the controller-manager and scheduler, as in bench:scale',
          ]
        : [
            'no scheduler: pods are never bound to a node',
            'no node agent: the test kubelet marks every new pod Running and Ready at once (status in batches of up to 200 per call), so readiness costs nothing',
            'deleted pods are confirmed gone at once (no grace period)',
          ],
      postgresCeiling,
      deployments: DEPLOYMENTS,
      replicasEach: REPLICAS,
      createToAllAvailableSeconds: DEPLOYMENTS > 0 ? round(createSeconds) : null,
      podsPerSecond: DEPLOYMENTS > 0 ? round(pods / createSeconds) : null,
      rolloutAllSeconds: DEPLOYMENTS > 0 ? round(rolloutSeconds) : null,
      reconcilesPerSecond: DEPLOYMENTS > 0 ? round(totalReconciles / (createSeconds + rolloutSeconds)) : null,
      apiCallsPerPodCreated: DEPLOYMENTS > 0 ? round(createCalls / pods) : null,
      ...(daemonSet ? { daemonSet } : {}),
      controllerManagerRssMiB: rssMiB(manager.pid!),
      ...(scheduler && agent ? { schedulerRssMiB: rssMiB(scheduler.pid!), nodeAgentRssMiB: rssMiB(agent.pid!) } : {}),
      apiRssMiB: rssMiB(api.pid!),
    },
    null,
    2,
  ),
);
kubelet?.stop();
await ws.dispose();
for (const child of [scheduler, agent]) if (child) await stop(child);
await stop(manager);
await stop(api);
await database.drop();

/**
 * One DaemonSet over all NODES simulated nodes: seconds from create until every node runs
 * an available pod, then from a template change until every node runs an updated,
 * available one.
 */
async function daemonSetSection() {
  const maxUnavailable = process.env.BENCH_DS_MAX_UNAVAILABLE ?? '10%';
  const numeric = /^\d+$/.test(maxUnavailable) ? Number(maxUnavailable) : maxUnavailable;
  const settled = async (started: number, image: string) => {
    for (;;) {
      const { daemonSet } = await gql(
        `query { daemonSet(namespace: "bench", name: "node-agent") { metadata { generation } spec { template { spec { containers { image } } } } status { observedGeneration desiredNumberScheduled updatedNumberScheduled numberAvailable } } }`,
      );
      const s = daemonSet.status ?? {};
      if (s.observedGeneration === daemonSet.metadata.generation && s.desiredNumberScheduled === NODES && s.updatedNumberScheduled === NODES && s.numberAvailable === NODES) {
        return (performance.now() - started) / 1000;
      }
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`timed out: DaemonSet ${image} ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  phase('daemonset create');
  const callsBefore = await apiCalls();
  const createStart = performance.now();
  await gql(`mutation($input: DaemonSetInput!) { createDaemonSet(namespace: "bench", input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name: 'node-agent' },
      spec: {
        selector: { matchLabels: { app: 'node-agent' } },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: numeric } },
        template: { metadata: { labels: { app: 'node-agent' } }, spec: { containers: [{ name: 'agent', image: 'agent:1' }] } },
      },
    },
  });
  const createSeconds = await settled(createStart, 'agent:1');
  const createCalls = (await apiCalls()) - callsBefore;
  phase('daemonset rollout');
  const rolloutStart = performance.now();
  await gql(
    `mutation { patchDaemonSet(namespace: "bench", name: "node-agent", patch: { spec: { template: { spec: { containers: [{ name: "agent", image: "agent:2" }] } } } }) { metadata { name } } }`,
  );
  const rolloutSeconds = await settled(rolloutStart, 'agent:2');
  return {
    nodes: NODES,
    maxUnavailable,
    createToAllAvailableSeconds: round(createSeconds),
    podsPerSecond: round(NODES / createSeconds),
    rolloutAllSeconds: round(rolloutSeconds),
    apiCallsPerPodCreated: round(createCalls / NODES),
  };
}

function round(x: number) {
  return Math.round(x * 100) / 100;
}
