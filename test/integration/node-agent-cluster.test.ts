// The whole chain with real processes: controller-manager, scheduler, simulated agents
// (own nodes and a kwok-mode agent adopting annotated nodes), and an agent restart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';
import { spawnScheduler } from '../support/scheduler.js';
import type { ComponentProcess } from '../support/component.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';

let api: TestApi;
let manager: ComponentProcess;
let scheduler: ComponentProcess;
let agent: NodeAgentProcess;

const stopProcess = async (p: ComponentProcess) => {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise((r) => p.once('exit', r));
  p.kill('SIGTERM');
  await exited;
};

before(async () => {
  api = await startTestApi();
  manager = spawnControllerManager(api.url);
  scheduler = spawnScheduler(api.url);
  agent = spawnNodeAgent(api.url, { args: ['--nodes', '3', '--node-prefix', 'pool-'] });
});
after(async () => {
  await agent.stop();
  await Promise.all([stopProcess(manager), stopProcess(scheduler)]);
  await api.close();
});

const PODS = `query($selector: String) { pods(namespace: "default", labelSelector: $selector) { items {
  metadata { name uid } spec { nodeName }
  status { phase podIP conditions { type status } containerStatuses { name ready restartCount state { running { startedAt } } } } } } }`;
type PodView = {
  metadata: { name: string; uid: string };
  spec: { nodeName: string };
  status: {
    phase: string;
    podIP: string;
    conditions: { type: string; status: string }[];
    containerStatuses: { ready: boolean; restartCount: number; state: { running?: { startedAt: string } } }[];
  };
};
const listPods = async (selector: string): Promise<PodView[]> => (await api.ok(PODS, { selector })).pods.items;
const ready = (p: PodView) => p.status.phase === 'Running' && p.status.conditions?.find((c) => c.type === 'Ready')?.status === 'True';

test("a Deployment's pods are scheduled onto the agent's nodes and go Running and Ready", async () => {
  await api.ok(`mutation($input: DeploymentInput!) { createDeployment(namespace: "default", input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name: 'web' },
      spec: {
        replicas: 6,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 } } }] } },
      },
    },
  });
  const pods = await eventually(
    async () => {
      const items = await listPods('app=web');
      return items.length === 6 && items.every(ready) ? items : undefined;
    },
    60_000,
    '6 Ready pods',
  );
  assert.ok(pods.every((p) => p.spec.nodeName.startsWith('pool-')));
  assert.equal(new Set(pods.map((p) => p.status.podIP)).size, 6, 'distinct pod IPs');
  assert.ok(new Set(pods.map((p) => p.spec.nodeName)).size >= 2, 'spread over nodes');
  const { deployment } = await api.ok(`{ deployment(namespace: "default", name: "web") { status { readyReplicas availableReplicas } } }`);
  await eventually(
    async () => (await api.ok(`{ deployment(namespace: "default", name: "web") { status { readyReplicas } } }`)).deployment.status.readyReplicas === 6,
    30_000,
    'readyReplicas 6',
  );
  assert.ok(deployment);
});

test('after an agent restart its pods are re-adopted: same containers, start times and IPs, no restarts', async () => {
  const before = (await listPods('app=web')).filter(ready);
  assert.equal(before.length, 6);
  assert.equal(await agent.stop(), 0, agent.output());
  agent = spawnNodeAgent(api.url, { args: ['--nodes', '3', '--node-prefix', 'pool-'], dataDir: agent.dataDir });
  await eventually(async () => agent.output().includes('running 3 node(s)'), 30_000, 'the new agent to start');
  // Give the new agent time to act: nothing about the pods may change.
  await new Promise((r) => setTimeout(r, 2000));
  const afterRestart = await eventually(
    async () => {
      const items = await listPods('app=web');
      return items.length === 6 && items.every(ready) ? items : undefined;
    },
    30_000,
    'pods still Ready',
  );
  for (const pod of afterRestart) {
    const old = before.find((p) => p.metadata.uid === pod.metadata.uid);
    assert.ok(old, `${pod.metadata.name} is one of the pods from before`);
    assert.equal(pod.status.podIP, old.status.podIP);
    assert.equal(pod.status.containerStatuses[0]!.restartCount, 0);
    assert.equal(pod.status.containerStatuses[0]!.state.running!.startedAt, old.status.containerStatuses[0]!.state.running!.startedAt);
  }
});

test('kwok mode: an agent with --manage-annotated adopts annotated nodes created through the API and runs their pods', async () => {
  const kwok = spawnNodeAgent(api.url, { args: ['--manage-annotated'] });
  try {
    await api.ok(`mutation($input: NodeInput!) { createNode(input: $input) { metadata { name } } }`, {
      input: {
        metadata: { name: 'kwok-1', labels: { 'kubernetes.io/hostname': 'kwok-1', tier: 'kwok' }, annotations: { 'wheelhouse.io/simulated': 'true' } },
        status: { capacity: { cpu: '2', memory: '4Gi', pods: '20' } },
      },
    });
    await api.ok(`mutation($input: NodeInput!) { createNode(input: $input) { metadata { name } } }`, { input: { metadata: { name: 'plain-1' } } });
    const node = await eventually(
      async () => {
        const { node } = await api.ok(`{ node(name: "kwok-1") { spec { podCIDR } status { capacity conditions { type status } daemonEndpoints { kubeletEndpoint { Port } } } } }`);
        return node.status.conditions?.find((c: { type: string; status: string }) => c.type === 'Ready')?.status === 'True' ? node : undefined;
      },
      30_000,
      'kwok-1 Ready',
    );
    assert.deepEqual(node.status.capacity, { cpu: '2', memory: '4Gi', pods: '20' }, 'the capacity it was created with stays');
    assert.ok(node.spec.podCIDR);
    // (The node lifecycle controller may mark it Unknown; no agent reports for it.)
    const plain = (await api.ok(`{ node(name: "plain-1") { spec { podCIDR } status { daemonEndpoints { kubeletEndpoint { Port } } conditions { type status reason } } } }`)).node;
    assert.equal(plain.status.daemonEndpoints, null, 'nodes without the annotation are left alone');
    assert.equal(plain.spec.podCIDR, null);
    assert.ok(!(plain.status.conditions ?? []).some((c: { reason: string }) => c.reason === 'KubeletReady'));
    await api.ok(`mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`, {
      input: { metadata: { name: 'on-kwok' }, spec: { nodeName: 'kwok-1', containers: [{ name: 'app', image: 'busybox' }] } },
    });
    await eventually(async () => ready((await listPods('')).find((p) => p.metadata.name === 'on-kwok')!) || undefined, 30_000, 'on-kwok Ready');

    // Several annotated nodes arriving at once each get a pod range of their own.
    const batch = ['kwok-2', 'kwok-3', 'kwok-4'];
    await api.ok(`mutation($inputs: [NodeInput!]!) { createNodes(inputs: $inputs) { metadata { name } } }`, {
      inputs: batch.map((name) => ({ metadata: { name, annotations: { 'wheelhouse.io/simulated': 'true' } } })),
    });
    const cidrs = await eventually(
      async () => {
        const { nodes } = await api.ok(`{ nodes { items { metadata { name } spec { podCIDR } } } }`);
        const kwokNodes = nodes.items.filter((n: { metadata: { name: string } }) => n.metadata.name.startsWith('kwok-'));
        return kwokNodes.length === 4 && kwokNodes.every((n: { spec: { podCIDR?: string } }) => n.spec.podCIDR)
          ? nodes.items.map((n: { spec: { podCIDR?: string } }) => n.spec.podCIDR).filter(Boolean)
          : undefined;
      },
      30_000,
      'every kwok node has a pod range',
    );
    assert.equal(new Set(cidrs).size, cidrs.length, `pod ranges are distinct: ${cidrs.join(', ')}`);
  } finally {
    assert.equal(await kwok.stop(), 0, kwok.output());
  }
});
