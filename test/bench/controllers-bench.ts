/**
 * `npm run bench:controllers`: API and controller-manager as their own processes over a
 * throwaway database; a test kubelet marks pods Running and Ready at once. Creates
 * BENCH_DEPLOYMENTS (100) Deployments of BENCH_REPLICAS (100) pods, waits until all are
 * available, rolls all of them out, and prints JSON: times, pods/s, reconciles/s, API
 * calls per pod (all clients, the kubelet's batched status reports included), RSS.
 */
import { createThrowawayDatabase } from '@wheelhouse/migrate';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestKubelet } from '../support/test-kubelet.js';
import { counterSum, rssMiB, spawnApi, spawnControllerManager, stop } from './processes.js';

const TOKEN = 'bench-token';
const DEPLOYMENTS = Number(process.env.BENCH_DEPLOYMENTS ?? 100);
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 100);
const METRICS_PORT = 10298;
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 600_000);

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

const ws = createClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${TOKEN}` } });
const kubelet = startTestKubelet(ws, gql, () => true, 64);
const manager = spawnControllerManager(url, TOKEN, METRICS_PORT);
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
await gql(`mutation($inputs: [DeploymentInput!]!) { createDeployments(namespace: "bench", inputs: $inputs) { metadata { name } } }`, {
  inputs: Array.from({ length: DEPLOYMENTS }, (_, i) => deployment(i)),
});
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
console.log(
  JSON.stringify(
    {
      deployments: DEPLOYMENTS,
      replicasEach: REPLICAS,
      createToAllAvailableSeconds: round(createSeconds),
      podsPerSecond: round(pods / createSeconds),
      rolloutAllSeconds: round(rolloutSeconds),
      reconcilesPerSecond: round(totalReconciles / (createSeconds + rolloutSeconds)),
      apiCallsPerPodCreated: round(createCalls / pods),
      controllerManagerRssMiB: rssMiB(manager.pid!),
      apiRssMiB: rssMiB(api.pid!),
    },
    null,
    2,
  ),
);
kubelet.stop();
await ws.dispose();
await stop(manager);
await stop(api);
await database.drop();

function round(x: number) {
  return Math.round(x * 100) / 100;
}
