import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';

let api: TestApi;
let agent: NodeAgentProcess;

before(async () => {
  api = await startTestApi();
  agent = spawnNodeAgent(api.url, { args: ['--nodes', '2', '--node-prefix', 'sim-', '--labels', 'zone=a', '--taints', 'dedicated=sim:PreferNoSchedule'] });
});
after(async () => {
  assert.equal(await agent.stop(), 0, agent.output());
  await api.close();
});

const NODE = `query($name: String!) { node(name: $name) { metadata { name labels uid } spec { podCIDR taints { key value effect } }
  status { capacity allocatable addresses { type address } daemonEndpoints { kubeletEndpoint { Port } } nodeInfo { kubeletVersion containerRuntimeVersion operatingSystem }
    conditions { type status reason message lastHeartbeatTime lastTransitionTime } } } }`;
const LEASE = `query($name: String!) { lease(namespace: "kube-node-lease", name: $name) { spec { holderIdentity renewTime leaseDurationSeconds } metadata { ownerReferences { kind name } } } }`;

test('registers its nodes with kubelet labels, taints, capacity, addresses, endpoint and Ready conditions', async () => {
  const node = await eventually(
    async () => {
      const { node } = await api.ok(NODE, { name: 'sim-1' });
      return node?.status?.conditions?.length ? node : undefined;
    },
    20_000,
    'node sim-1 with conditions',
  );
  assert.deepEqual(
    { ...node.metadata.labels },
    {
      zone: 'a',
      'kubernetes.io/hostname': 'sim-1',
      'kubernetes.io/os': 'linux',
      'kubernetes.io/arch': node.metadata.labels['kubernetes.io/arch'],
      'wheelhouse.io/runtime': 'simulated',
    },
  );
  assert.match(node.spec.podCIDR, /^127\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.\d+\.0\/24$/);
  assert.deepEqual(node.spec.taints, [{ key: 'dedicated', value: 'sim', effect: 'PreferNoSchedule' }]);
  assert.deepEqual(node.status.capacity, { cpu: '4', memory: '8Gi', pods: '110' });
  assert.deepEqual(node.status.allocatable, node.status.capacity);
  assert.deepEqual(node.status.addresses, [
    { type: 'InternalIP', address: '127.0.0.1' },
    { type: 'Hostname', address: 'sim-1' },
  ]);
  assert.ok(node.status.daemonEndpoints.kubeletEndpoint.Port > 0);
  assert.equal(node.status.nodeInfo.operatingSystem, 'linux');
  assert.deepEqual(
    node.status.conditions.map((c: { type: string; status: string; reason: string }) => [c.type, c.status, c.reason]),
    [
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID'],
      ['Ready', 'True', 'KubeletReady'],
    ],
  );
  const other = (await api.ok(NODE, { name: 'sim-0' })).node;
  assert.notEqual(other.spec.podCIDR, node.spec.podCIDR, 'each node has its own pod range');
});

test('renews a Lease per node in kube-node-lease', async () => {
  const first = await eventually(async () => (await api.ok(LEASE, { name: 'sim-0' })).lease ?? undefined, 20_000, 'lease sim-0');
  assert.equal(first.spec.holderIdentity, 'sim-0');
  assert.equal(first.spec.leaseDurationSeconds, 40);
  const renewed = await eventually(
    async () => {
      const { lease } = await api.ok(LEASE, { name: 'sim-0' });
      return lease.spec.renewTime > first.spec.renewTime ? lease : undefined;
    },
    20_000,
    'a renewal',
  );
  assert.ok(Date.parse(renewed.spec.renewTime) > Date.parse(first.spec.renewTime));
});

test('reports the conditions again when someone else changed them (node lifecycle marking it Unknown)', async () => {
  await eventually(async () => (await api.ok(NODE, { name: 'sim-0' })).node?.status?.conditions?.length > 0, 20_000, 'conditions');
  await api.ok(
    `mutation { patchNodeStatus(name: "sim-0", patch: { status: { conditions: [{ type: "Ready", status: "Unknown", reason: "NodeStatusUnknown" }] } }) { metadata { name } } }`,
  );
  await eventually(
    async () => {
      const { node } = await api.ok(NODE, { name: 'sim-0' });
      return node.status.conditions.find((c: { type: string; status: string }) => c.type === 'Ready')?.status === 'True';
    },
    20_000,
    'Ready=True again',
  );
});

test('an agent authenticates with the node token the API generated next to the admin token', async () => {
  const file = api.server.nodeTokenFile;
  assert.ok(file, 'the API wrote a node token');
  const { readFileSync } = await import('node:fs');
  const token = readFileSync(file, 'utf8').trim();
  const me = await api.gql(`{ __typename }`, {}, token);
  assert.deepEqual(me.data, { __typename: 'Query' });
  const own = spawnNodeAgent(api.url, { nodeName: 'token-node', env: { WHEELHOUSE_TOKEN: '', WHEELHOUSE_TOKEN_FILE: file } });
  try {
    await eventually(async () => (await api.ok(NODE, { name: 'token-node' })).node?.status?.conditions?.length > 0, 30_000, 'token-node registered');
  } finally {
    assert.equal(await own.stop(), 0, own.output());
  }
});
