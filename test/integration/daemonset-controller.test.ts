// The DaemonSet controller on a whole simulated cluster (API, controller-manager, scheduler, a
// simulated node agent with three nodes): one pod per eligible node, placed by the scheduler
// through a matchFields affinity; nodes added, removed, tainted and cordoned; a rolling update.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulatedCluster, type SimulatedCluster } from '../support/simulated-cluster.js';
import { eventually } from '../support/controller-manager.js';
import { spawnNodeAgent } from '../support/node-agent.js';

let cluster: SimulatedCluster;
before(async () => {
  cluster = await startSimulatedCluster({ nodes: 3, nodePrefix: 'ds-' });
});
after(async () => cluster?.close());

interface PodView {
  metadata: { name: string; uid: string; deletionTimestamp?: string; labels: Record<string, string> };
  spec: {
    nodeName?: string;
    containers: { image: string }[];
    affinity?: {
      nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: { matchFields?: { key: string; operator: string; values: string[] }[] }[] } };
    };
  };
  status: { phase?: string };
}
interface DaemonSetStatusView {
  desiredNumberScheduled?: number;
  currentNumberScheduled?: number;
  numberReady?: number;
  numberAvailable?: number;
  updatedNumberScheduled?: number;
  numberMisscheduled?: number;
  observedGeneration?: number;
}

const POD = `metadata { name uid deletionTimestamp labels } spec { nodeName containers { image }
  affinity { nodeAffinity { requiredDuringSchedulingIgnoredDuringExecution { nodeSelectorTerms { matchFields { key operator values } } } } } } status { phase }`;
const livePods = async (app: string): Promise<PodView[]> => {
  const { pods } = await cluster.api.ok(`query($s: String) { pods(labelSelector: $s) { items { ${POD} } } }`, { s: `app=${app}` });
  return (pods.items as PodView[]).filter((p) => !p.metadata.deletionTimestamp);
};
const statusOf = async (name: string): Promise<DaemonSetStatusView & { generation: number }> => {
  const { daemonSet } = await cluster.api.ok(
    `query($name: String!) { daemonSet(name: $name) { metadata { generation } status { desiredNumberScheduled currentNumberScheduled numberReady numberAvailable updatedNumberScheduled numberMisscheduled observedGeneration } } }`,
    { name },
  );
  return { ...daemonSet.status, generation: daemonSet.metadata.generation };
};
const createDaemonSet = (name: string, image = 'fluentd:v1', spec: Record<string, unknown> = {}) =>
  cluster.api.ok(`mutation($input: DaemonSetInput!) { createDaemonSet(input: $input) { metadata { uid } } }`, {
    input: {
      metadata: { name },
      spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image }] } }, ...spec },
    },
  });
const patchNode = (name: string, patch: Record<string, unknown>) =>
  cluster.api.ok(`mutation($name: String!, $patch: JSONObject!) { patchNode(name: $name, patch: $patch) { metadata { name } } }`, { name, patch });
const runningOn = (pods: PodView[]) =>
  pods
    .filter((p) => p.status.phase === 'Running')
    .map((p) => p.spec.nodeName)
    .sort();
const deleteDaemonSet = (name: string) => cluster.api.ok(`mutation($name: String!) { deleteDaemonSet(name: $name) { metadata { name } } }`, { name });

test('one Running pod per node, placed by the scheduler through a matchFields affinity; status and revision 1', async () => {
  await createDaemonSet('logs');
  const pods = await eventually(
    async () => {
      const list = await livePods('logs');
      return runningOn(list).join() === 'ds-0,ds-1,ds-2' ? list : undefined;
    },
    60_000,
    'a Running pod on each node',
  );
  for (const pod of pods) {
    const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    assert.deepEqual(terms, [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [pod.spec.nodeName] }] }], 'pinned to the node it runs on');
    assert.equal(pod.metadata.labels['pod-template-generation'], '1');
    assert.ok(pod.metadata.labels['controller-revision-hash']);
  }
  const status = await eventually(
    async () => {
      const s = await statusOf('logs');
      return s.numberAvailable === 3 ? s : undefined;
    },
    30_000,
    'all available',
  );
  assert.deepEqual(
    [status.desiredNumberScheduled, status.currentNumberScheduled, status.numberReady, status.updatedNumberScheduled, status.numberMisscheduled, status.observedGeneration],
    [3, 3, 3, 3, 0, status.generation],
  );
  const { controllerRevisions } = await cluster.api.ok(`query { controllerRevisions(labelSelector: "app=logs") { items { metadata { name labels } revision } } }`);
  assert.equal(controllerRevisions.items.length, 1);
  assert.equal(controllerRevisions.items[0].revision, 1);
  assert.equal(controllerRevisions.items[0].metadata.labels['controller-revision-hash'], pods[0]!.metadata.labels['controller-revision-hash']);
});

test('a node added gets a daemon pod; a node removed loses it', async (t) => {
  const extra = spawnNodeAgent(cluster.api.url, { runtime: 'simulated', args: ['--nodes', '1', '--node-prefix', 'dsx-'] });
  try {
    await eventually(async () => (await cluster.api.ok(`query { node(name: "dsx-0") { metadata { name } } }`)).node, 60_000, 'the new node registered');
    const registered = performance.now();
    await eventually(async () => runningOn(await livePods('logs')).includes('dsx-0'), 60_000, 'a pod on the new node');
    // A figure, not an assertion: how long a new node waits for its daemon pod.
    t.diagnostic(`node registered → daemon pod Running: ${Math.round(performance.now() - registered)} ms`);
    await eventually(async () => (await statusOf('logs')).desiredNumberScheduled === 4, 20_000, 'desired 4');
  } finally {
    await extra.stop();
  }
  await cluster.api.ok(`mutation { deleteNode(name: "dsx-0") { metadata { name } } }`);
  const removed = performance.now();
  await eventually(async () => (await statusOf('logs')).desiredNumberScheduled === 3, 20_000, 'desired back to 3');
  t.diagnostic(`node deleted → desiredNumberScheduled 3: ${Math.round(performance.now() - removed)} ms`);
  // The bound pod of a vanished node is the pod garbage collector's (after its quarantine), as in Kubernetes.
  await eventually(async () => !(await livePods('logs')).some((p) => p.spec.nodeName === 'dsx-0'), 90_000, 'the removed node’s pod gone');
  t.diagnostic(`node deleted → its daemon pod gone: ${Math.round(performance.now() - removed)} ms`);
});

test('taints: NoSchedule keeps a running pod (misscheduled), NoExecute evicts it; a cordoned node still runs daemons', async () => {
  const onNode1 = async () => (await livePods('logs')).find((p) => p.spec.nodeName === 'ds-1' && p.status.phase === 'Running');
  const before = await eventually(onNode1, 20_000, 'a Running pod on ds-1');
  await patchNode('ds-1', { spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } });
  const kept = await eventually(
    async () => {
      const s = await statusOf('logs');
      return s.desiredNumberScheduled === 2 && s.numberMisscheduled === 1 ? onNode1() : undefined;
    },
    20_000,
    'desired 2, one misscheduled',
  );
  assert.equal(kept.metadata.uid, before.metadata.uid, `the pod on the NoSchedule node keeps running\n${cluster.manager.output().slice(-3000)}`);
  await patchNode('ds-1', { spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] } });
  await eventually(async () => !(await livePods('logs')).some((p) => p.spec.nodeName === 'ds-1'), 30_000, 'evicted by NoExecute');
  await patchNode('ds-1', { spec: { taints: [] } });
  await eventually(async () => runningOn(await livePods('logs')).join() === 'ds-0,ds-1,ds-2', 60_000, 'back once the taint goes');

  await patchNode('ds-2', { spec: { unschedulable: true } });
  try {
    await createDaemonSet('cordoned');
    await eventually(async () => runningOn(await livePods('cordoned')).join() === 'ds-0,ds-1,ds-2', 60_000, 'a pod on the cordoned node too');
  } finally {
    await patchNode('ds-2', { spec: { unschedulable: false } });
    await deleteDaemonSet('cordoned');
  }
});

test('a rolling update (maxUnavailable 1) replaces every pod; the old revision stays in history', async () => {
  await cluster.api.ok(
    `mutation { patchDaemonSet(name: "logs", patch: { spec: { template: { spec: { containers: [{ name: "c", image: "fluentd:v2" }] } } } }) { metadata { name } } }`,
  );
  await eventually(
    async () => {
      const pods = await livePods('logs');
      return pods.length === 3 && pods.every((p) => p.spec.containers[0]!.image === 'fluentd:v2' && p.status.phase === 'Running');
    },
    90_000,
    'every pod updated',
  );
  const status = await eventually(
    async () => {
      const s = await statusOf('logs');
      return s.updatedNumberScheduled === 3 && s.numberAvailable === 3 && s.observedGeneration === s.generation ? s : undefined;
    },
    30_000,
    'status updated',
  );
  assert.equal(status.desiredNumberScheduled, 3);
  const pods = await livePods('logs');
  assert.deepEqual(runningOn(pods), ['ds-0', 'ds-1', 'ds-2']);
  assert.ok(pods.every((p) => p.metadata.labels['pod-template-generation'] === '2'));
  const { controllerRevisions } = await cluster.api.ok(`query { controllerRevisions(labelSelector: "app=logs") { items { metadata { name } revision } } }`);
  assert.deepEqual(controllerRevisions.items.map((r: { revision: number }) => r.revision).sort(), [1, 2]);
});

test('a surge update (maxSurge 1, maxUnavailable 0) starts each new pod beside the old one and ends with one pod per node', async () => {
  // minReadySeconds 2: each old pod stays two seconds beside its new one, long enough to be seen.
  await createDaemonSet('surge', 'agent:v1', { minReadySeconds: 2, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } });
  await eventually(async () => (await statusOf('surge')).numberAvailable === 3, 60_000, 'three available pods');
  await cluster.api.ok(
    `mutation { patchDaemonSet(name: "surge", patch: { spec: { template: { spec: { containers: [{ name: "c", image: "agent:v2" }] } } } }) { metadata { name } } }`,
  );
  // At some point a node runs its new pod beside the old one.
  await eventually(
    async () => {
      const pods = await livePods('surge');
      return pods.length === 4 && new Set(pods.map((p) => p.spec.nodeName)).size === 3 ? pods : undefined;
    },
    30_000,
    'a surge pod beside an old one',
  );
  await eventually(
    async () => {
      const pods = await livePods('surge');
      return pods.length === 3 && pods.every((p) => p.spec.containers[0]!.image === 'agent:v2' && p.status.phase === 'Running');
    },
    90_000,
    'every node on the new pod only',
  );
  assert.deepEqual(runningOn(await livePods('surge')), ['ds-0', 'ds-1', 'ds-2']);
  await deleteDaemonSet('surge');
});
