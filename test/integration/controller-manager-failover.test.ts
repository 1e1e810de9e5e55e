import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { spawnControllerManager, eventually } from '../support/controller-manager.js';

// No nodes: the test counts the pods the ReplicaSet controller creates, which need no kubelet.
let api: TestApi;
const managers: ReturnType<typeof spawnControllerManager>[] = [];
before(async () => {
  api = await startTestApi();
});
after(async () => {
  for (const m of managers) if (m.exitCode === null && m.signalCode === null) m.kill('SIGKILL');
  await api?.close();
});

const leaseHolder = async () =>
  (await api.ok(`query { lease(namespace: "kube-system", name: "wheelhouse-controller-manager") { spec { holderIdentity } } }`)).lease?.spec.holderIdentity as string | undefined;
const podCount = async (app: string) =>
  (await api.ok(`query($s: String) { pods(labelSelector: $s) { items { metadata { name } } } }`, { s: `app=${app}` })).pods.items.length as number;
const replicaSet = (name: string, replicas: number) => ({
  metadata: { name },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'a', image: 'busybox:1.36' }] } } },
});

test('two controller-managers: one leads; after kill -9 the other takes over', async () => {
  managers.push(spawnControllerManager(api.url), spawnControllerManager(api.url));
  const holder = await eventually(leaseHolder, 20_000, 'a leader');
  await api.ok(`mutation($input: ReplicaSetInput!) { createReplicaSet(input: $input) { metadata { name } } }`, { input: replicaSet('before', 3) });
  await eventually(async () => (await podCount('before')) === 3, 30_000, 'the leader reconciles');

  const leader = managers.find((m) => m.output().includes(`leading as ${holder}`));
  assert.ok(leader, 'the lease holder says it leads');
  const standby = managers.find((m) => m !== leader)!;
  assert.ok(!standby.output().includes('leading as'), 'the standby does not lead');
  leader.kill('SIGKILL');

  const next = await eventually(
    async () => {
      const h = await leaseHolder();
      return h && h !== holder ? h : undefined;
    },
    20_000,
    'a new leader',
  );
  assert.ok(standby.output().includes(`leading as ${next}`));
  await api.ok(`mutation($input: ReplicaSetInput!) { createReplicaSet(input: $input) { metadata { name } } }`, { input: replicaSet('after', 2) });
  await eventually(async () => (await podCount('after')) === 2, 30_000, 'the new leader reconciles');
  assert.equal(await podCount('before'), 3, 'no duplicates from the takeover');
});
