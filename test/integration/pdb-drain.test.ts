// The docs' zookeeper budget on a whole simulated cluster: `wh drain` of the node holding all
// three replicas waits for the budget (minAvailable 2) between evictions instead of taking
// the application down, and finishes once the replacements are Ready on the other node.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eventually } from '../support/controller-manager.js';
import { startSimulatedCluster, type SimulatedCluster } from '../support/simulated-cluster.js';
import { whRunner } from '../support/wh.js';

const ZK_PDB = readFileSync(
  fileURLToPath(new URL('../../fixtures/conformance-manifests/kubernetes-website_zookeeper-pod-disruption-budget-minavailable.yaml', import.meta.url)),
  'utf8',
);
const ZK = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: zk
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: zookeeper
  template:
    metadata:
      labels:
        app.kubernetes.io/name: zookeeper
    spec:
      terminationGracePeriodSeconds: 1
      containers:
      - name: zk
        image: zookeeper:3.9
`;
const REFUSED = "Cannot evict pod as it would violate the pod's disruption budget.";

let cluster: SimulatedCluster;
let wh: ReturnType<typeof whRunner>;
before(async () => {
  cluster = await startSimulatedCluster({ nodes: 2, nodePrefix: 'zk-node-' });
  wh = whRunner(cluster.api.url);
});
after(async () => cluster?.close());

interface ZkPod {
  metadata: { name: string; deletionTimestamp: string | null };
  spec: { nodeName: string | null };
  status: { conditions: { type: string; status: string }[] | null } | null;
}
const zkPods = async () =>
  (
    await cluster.api.ok(
      `query { pods(namespace: "default", labelSelector: "app.kubernetes.io/name=zookeeper") { items { metadata { name deletionTimestamp } spec { nodeName } status { conditions { type status } } } } }`,
    )
  ).pods.items as ZkPod[];
const ready = (p: ZkPod) => !p.metadata.deletionTimestamp && (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
const budget = async () =>
  (
    await cluster.api.ok(
      `query { podDisruptionBudget(namespace: "default", name: "zk-pdb") { status { disruptionsAllowed currentHealthy desiredHealthy expectedPods observedGeneration } } }`,
    )
  ).podDisruptionBudget.status;

test('wh drain waits for the zookeeper budget (minAvailable 2 of 3) and never leaves fewer than 2 Ready', async () => {
  await eventually(async () => (await cluster.api.ok(`query { nodes { items { metadata { name } } } }`)).nodes.items.length === 2, 30_000, 'two nodes');
  // Everything on zk-node-0 first, so draining it needs three evictions against a budget of one.
  assert.equal((await wh.run(['cordon', 'zk-node-1'])).code, 0);
  assert.equal((await wh.run(['apply', '-f', '-'], { stdin: `${ZK}---\n${ZK_PDB}` })).code, 0);
  await eventually(
    async () => {
      const pods = await zkPods();
      return pods.filter(ready).length === 3 && pods.every((p) => p.spec.nodeName === 'zk-node-0');
    },
    60_000,
    'three Ready zookeeper pods on zk-node-0',
  );
  await eventually(async () => (await budget())?.disruptionsAllowed === 1, 30_000, 'the budget allows one disruption');
  assert.deepEqual(await budget(), { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, observedGeneration: 1 });
  const get = await wh.run(['get', 'pdb']);
  assert.match(get.stdout, /^NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE\nzk-pdb\s+2\s+N\/A\s+1\s+\d+s\n$/);

  assert.equal((await wh.run(['uncordon', 'zk-node-1'])).code, 0);
  let fewestReady = 3;
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      fewestReady = Math.min(fewestReady, (await zkPods()).filter(ready).length);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const drained = await wh.run(['drain', 'zk-node-0', '--timeout', '120s']);
  watching = false;
  await watcher;

  assert.equal(drained.code, 0, drained.stderr);
  assert.match(drained.stderr, new RegExp(`error when evicting pods/"zk-[^"]+" -n "default" \\(will retry after 5s\\): ${REFUSED.replace(/[.'()]/g, '\\$&')}`));
  const lines = drained.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'node/zk-node-0 cordoned');
  assert.equal(lines.at(-1), 'node/zk-node-0 drained');
  assert.equal(lines.filter((l) => l.endsWith(' evicted')).length, 3, drained.stdout);
  assert.ok(fewestReady >= 2, `at one point only ${fewestReady} zookeeper pods were Ready`);
  await eventually(
    async () => {
      const pods = await zkPods();
      return pods.length === 3 && pods.filter(ready).length === 3 && pods.every((p) => p.spec.nodeName === 'zk-node-1');
    },
    60_000,
    'three Ready zookeeper pods on zk-node-1',
  );
});

test('a percentage budget counts the pods the Deployment wants (its scale), not the pods found; two budgets make evictions fail', async () => {
  await cluster.api.ok(`mutation($input: PodDisruptionBudgetInput!) { createPodDisruptionBudget(namespace: "default", input: $input) { metadata { name } } }`, {
    input: { metadata: { name: 'zk-max' }, spec: { maxUnavailable: '34%', selector: { matchLabels: { 'app.kubernetes.io/name': 'zookeeper' } } } },
  });
  const zkMax = async () =>
    (await cluster.api.ok(`query { podDisruptionBudget(namespace: "default", name: "zk-max") { status { expectedPods desiredHealthy } } }`)).podDisruptionBudget.status as {
      expectedPods: number | null;
      desiredHealthy: number | null;
    } | null;
  // 34% of 3 rounds up to 2 unavailable: 1 must stay healthy.
  await eventually(async () => (await zkMax())?.expectedPods === 3 && (await zkMax())?.desiredHealthy === 1, 30_000, 'zk-max expects 3 pods');
  assert.equal((await wh.run(['scale', 'deployment', 'zk', '--replicas', '6'])).code, 0);
  // The Deployment's scale (through its ReplicaSet) is the denominator at once: 6 expected, 34% of 6 is 3 (rounded up) unavailable.
  await eventually(async () => (await zkMax())?.expectedPods === 6 && (await zkMax())?.desiredHealthy === 3, 30_000, 'zk-max expects 6 pods');
  const [pod] = await zkPods();
  const refused = await cluster.api.gql(`mutation($name: String!) { evictPod(namespace: "default", name: $name) { metadata { name } } }`, { name: pod!.metadata.name });
  assert.equal(refused.errors?.[0]?.message, 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
});
