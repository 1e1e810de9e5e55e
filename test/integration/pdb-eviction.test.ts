// evictPod and drainNode against PodDisruptionBudgets on a real API (no controllers: the
// tests write the budget's status as the disruption controller would).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => api?.close());

const REFUSED = "Cannot evict pod as it would violate the pod's disruption budget.";
const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'zk', uid: 'uid-zk', controller: true }];

const node = (name: string) =>
  api.ok(`mutation($input: NodeInput!) { createNode(input: $input) { metadata { name } } }`, {
    input: { metadata: { name }, status: { capacity: { cpu: '2', memory: '4Gi', pods: '10' } } },
  });
async function pod(name: string, labels: Record<string, string>, opts: { nodeName?: string; ready?: boolean } = {}) {
  await api.ok(`mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`, {
    input: { metadata: { name, labels, ownerReferences: owner }, spec: { nodeName: opts.nodeName, containers: [{ name: 'zk', image: 'zookeeper:3.9' }] } },
  });
  await api.ok(`mutation($name: String!, $patch: JSONObject!) { patchPodStatus(namespace: "default", name: $name, patch: $patch) { metadata { name } } }`, {
    name,
    patch: { status: { phase: 'Running', conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }] } },
  });
}
async function budget(name: string, spec: Record<string, unknown>, status: Record<string, unknown>) {
  await api.ok(`mutation($input: PodDisruptionBudgetInput!) { createPodDisruptionBudget(namespace: "default", input: $input) { metadata { name } } }`, {
    input: { metadata: { name }, spec },
  });
  await setStatus(name, status);
}
const setStatus = (name: string, status: Record<string, unknown>) =>
  api.ok(`mutation($name: String!, $patch: JSONObject!) { patchPodDisruptionBudgetStatus(namespace: "default", name: $name, patch: $patch) { metadata { name } } }`, {
    name,
    patch: { status: { observedGeneration: 1, ...status } },
  });
const readBudget = async (name: string) =>
  (
    await api.ok(
      `query($name: String!) { podDisruptionBudget(namespace: "default", name: $name) { status { disruptionsAllowed disruptedPods conditions { type status reason } } } }`,
      {
        name,
      },
    )
  ).podDisruptionBudget.status as {
    disruptionsAllowed: number;
    disruptedPods: Record<string, string> | null;
    conditions: { type: string; status: string; reason: string }[] | null;
  };
const evict = (name: string) => api.gql(`mutation($name: String!) { evictPod(namespace: "default", name: $name, gracePeriodSeconds: 30) { metadata { name } } }`, { name });
const errorOf = (r: Awaited<ReturnType<typeof evict>>) => r.errors?.[0] && { code: r.errors[0].extensions?.code, message: r.errors[0].message };

test('a budget with no disruption left refuses the eviction with TOO_MANY_REQUESTS and Kubernetes’ message; the pod stays', async () => {
  await pod('zk-a', { app: 'zk-a' });
  await budget('zk-a', { minAvailable: 1, selector: { matchLabels: { app: 'zk-a' } } }, { disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1, expectedPods: 1 });
  assert.deepEqual(errorOf(await evict('zk-a')), { code: 'TOO_MANY_REQUESTS', message: REFUSED });
  const still = await api.ok(`query { pod(namespace: "default", name: "zk-a") { metadata { deletionTimestamp } } }`);
  assert.equal(still.pod.metadata.deletionTimestamp, null);
});

test('concurrent evictions never both pass a budget of 1: one spends it, the others are refused (10 rounds of 4)', async () => {
  for (let round = 0; round < 10; round++) {
    const app = `zk-race-${round}`;
    const names = [0, 1, 2, 3].map((i) => `${app}-${i}`);
    for (const name of names) await pod(name, { app });
    await budget(app, { maxUnavailable: 1, selector: { matchLabels: { app } } }, { disruptionsAllowed: 1, currentHealthy: 4, desiredHealthy: 3, expectedPods: 4 });
    const results = await Promise.all(names.map(evict));
    const passed = names.filter((_, i) => !results[i]!.errors);
    assert.equal(passed.length, 1, `round ${round}: ${JSON.stringify(results.map(errorOf))}`);
    for (const r of results.filter((x) => x.errors)) assert.deepEqual(errorOf(r), { code: 'TOO_MANY_REQUESTS', message: REFUSED });
    const status = await readBudget(app);
    assert.equal(status.disruptionsAllowed, 0);
    assert.deepEqual(Object.keys(status.disruptedPods ?? {}), passed);
    assert.deepEqual(
      status.conditions?.map((c) => [c.type, c.status, c.reason]),
      [['DisruptionAllowed', 'False', 'InsufficientPods']],
    );
  }
});

test('unhealthyPodEvictionPolicy: an unready pod goes for free with AlwaysAllow, and only while the budget is met with IfHealthyBudget', async () => {
  await pod('sick-1', { app: 'sick' }, { ready: false });
  await pod('sick-2', { app: 'sick' }, { ready: false });
  await budget('sick', { minAvailable: 2, selector: { matchLabels: { app: 'sick' } } }, { disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 2, expectedPods: 3 });
  assert.equal(errorOf(await evict('sick-1'))?.code, 'TOO_MANY_REQUESTS', 'IfHealthyBudget (default) with the budget not met');
  await setStatus('sick', { disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2, expectedPods: 3 });
  assert.equal((await evict('sick-1')).errors, undefined, 'IfHealthyBudget with the budget met');
  await api.ok(`mutation { patchPodDisruptionBudget(namespace: "default", name: "sick", patch: { spec: { unhealthyPodEvictionPolicy: "AlwaysAllow" } }) { metadata { name } } }`);
  // The spec change is a new generation: the status must catch up first (the controller would).
  await api.ok(
    `mutation { patchPodDisruptionBudgetStatus(namespace: "default", name: "sick", patch: { status: { observedGeneration: 2, currentHealthy: 0 } }) { metadata { name } } }`,
  );
  assert.equal((await evict('sick-2')).errors, undefined, 'AlwaysAllow');
  assert.equal((await readBudget('sick')).disruptionsAllowed, 0, 'nothing was spent');
});

test('a budget whose status is older than its spec refuses; a pod two budgets select is an error', async () => {
  await pod('gen-1', { app: 'gen' });
  await budget('gen', { minAvailable: 0, selector: { matchLabels: { app: 'gen' } } }, { disruptionsAllowed: 1 });
  await api.ok(`mutation { patchPodDisruptionBudget(namespace: "default", name: "gen", patch: { spec: { minAvailable: 1 } }) { metadata { generation } } }`);
  assert.deepEqual(errorOf(await evict('gen-1')), { code: 'TOO_MANY_REQUESTS', message: REFUSED });
  await pod('two-1', { app: 'two', tier: 'db' });
  await budget('two-a', { minAvailable: 0, selector: { matchLabels: { app: 'two' } } }, { disruptionsAllowed: 1 });
  await budget('two-b', { minAvailable: 0, selector: { matchLabels: { tier: 'db' } } }, { disruptionsAllowed: 1 });
  assert.deepEqual(errorOf(await evict('two-1')), {
    code: 'INTERNAL_SERVER_ERROR',
    message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
  });
});

test('drainNode evicts what the budget allows and returns the rest as blocked, not as errors', async () => {
  await node('pdb-node');
  for (const i of [1, 2, 3]) await pod(`drain-${i}`, { app: 'drain' }, { nodeName: 'pdb-node' });
  await budget('drain', { minAvailable: 2, selector: { matchLabels: { app: 'drain' } } }, { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3 });
  const { drainNode } = await api.ok(`mutation { drainNode(name: "pdb-node") { evicted { name } blocked { name reason } errors } }`);
  assert.equal(drainNode.evicted.length, 1);
  assert.deepEqual(
    drainNode.blocked.map((b: { reason: string }) => b.reason),
    [REFUSED, REFUSED],
  );
  assert.deepEqual(drainNode.errors, []);
});
