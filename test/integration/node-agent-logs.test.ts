// podLogs, followPodLogs, podMetrics and nodeMetrics: the API asks the agent that runs the pod.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { collect, startTestApi, TEST_TOKEN, type TestApi } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';

let api: TestApi;
let agent: NodeAgentProcess;

const CREATE = `mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`;
const LOGS = `query($name: String!, $container: String, $tailLines: Int, $previous: Boolean, $timestamps: Boolean) {
  podLogs(namespace: "default", name: $name, container: $container, tailLines: $tailLines, previous: $previous, timestamps: $timestamps) }`;

before(async () => {
  api = await startTestApi();
  agent = spawnNodeAgent(api.url, { nodeName: 'logs-node' });
  await eventually(
    async () => (await api.ok(`{ node(name: "logs-node") { status { daemonEndpoints { kubeletEndpoint { Port } } } } }`)).node?.status?.daemonEndpoints,
    30_000,
    'node',
  );
  await api.ok(CREATE, {
    input: {
      metadata: { name: 'chatty', annotations: { 'sim.wheelhouse.io/memory': '48Mi', 'sim.wheelhouse.io/cpu': '30m' } },
      spec: {
        nodeName: 'logs-node',
        containers: [
          { name: 'app', image: 'nginx' },
          { name: 'sidecar', image: 'envoy' },
        ],
      },
    },
  });
  await api.ok(CREATE, { input: { metadata: { name: 'pending' }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } });
  await eventually(async () => (await api.ok(`{ pod(namespace: "default", name: "chatty") { status { phase } } }`)).pod.status.phase === 'Running', 30_000, 'chatty Running');
});
after(async () => {
  await agent.stop();
  await api.close();
});

test('podLogs reads the container log from the agent, with tailLines and timestamps', async () => {
  const text = (await api.ok(LOGS, { name: 'chatty', container: 'sidecar' })).podLogs as string;
  assert.match(text, /^simulated container sidecar \(envoy\) started, run 0\n/);
  const tail = (await api.ok(LOGS, { name: 'chatty', container: 'app', tailLines: 1, timestamps: true })).podLogs as string;
  assert.equal(tail.trim().split('\n').length, 1);
  assert.match(tail, /^\d{4}-\d\d-\d\dT\S+Z /);
  assert.equal((await api.ok(LOGS, { name: 'chatty', container: 'app', previous: true })).podLogs, '', 'no previous run yet');
});

test('podLogs errors: unknown pod, unknown or missing container, unbound pod', async () => {
  const code = async (vars: Record<string, unknown>) => {
    const r = await api.gql(LOGS, vars);
    return [r.errors?.[0]?.extensions?.code, r.errors?.[0]?.extensions?.field, r.errors?.[0]?.message];
  };
  assert.deepEqual((await code({ name: 'nope' })).slice(0, 2), ['NOT_FOUND', undefined]);
  assert.deepEqual(await code({ name: 'chatty', container: 'db' }), ['BAD_USER_INPUT', 'container', 'container db is not valid for pod chatty']);
  assert.deepEqual(await code({ name: 'chatty' }), ['BAD_USER_INPUT', 'container', 'a container name must be specified for pod chatty, choose one of: [app sidecar]']);
  assert.deepEqual(await code({ name: 'pending' }), ['BAD_USER_INPUT', 'name', 'pod pending does not have a host assigned']);
});

test('the agent refuses callers without a valid token', async () => {
  const { node } = await api.ok(`{ node(name: "logs-node") { status { daemonEndpoints { kubeletEndpoint { Port } } } } }`);
  const url = `http://127.0.0.1:${node.status.daemonEndpoints.kubeletEndpoint.Port}/containerLogs/default/chatty/app`;
  assert.equal((await fetch(url)).status, 401);
  assert.equal((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status, 401);
  assert.equal((await fetch(url, { headers: { authorization: `Bearer ${TEST_TOKEN}` } })).status, 200);
});

test('followPodLogs streams new lines as the container writes them', async () => {
  const ws = api.ws();
  const stream = collect<{ followPodLogs: string }>(ws, `subscription { followPodLogs(namespace: "default", name: "chatty", container: "app", tailLines: 1) }`, {}, 2, 20_000);
  const events = await stream.done;
  assert.equal(events.length, 2);
  assert.match(events[1]!.followPodLogs, /^app: working, tick \d+$/, 'a line written after the subscription started');
});

test('podMetrics and nodeMetrics report usage as quantities', async () => {
  const { podMetrics } = await api.ok(`{ podMetrics(namespace: "default") { metadata { name namespace } window usage { cpu memory } } }`);
  const chatty = podMetrics.find((m: { metadata: { name: string } }) => m.metadata.name === 'chatty');
  assert.deepEqual(chatty.usage, { cpu: '60m', memory: '96Mi' }, 'two containers of 30m / 48Mi each');
  const { nodeMetrics } = await api.ok(`{ nodeMetrics { metadata { name } usage { cpu memory } } }`);
  assert.deepEqual(nodeMetrics, [{ metadata: { name: 'logs-node' }, usage: { cpu: '60m', memory: '96Mi' } }]);
  assert.deepEqual((await api.ok(`{ podMetrics(namespace: "other") { metadata { name } } }`)).podMetrics, []);
});

test('an agent that does not answer gives UNAVAILABLE for logs and is left out of metrics', async () => {
  assert.equal(await agent.stop(), 0, agent.output());
  const r = await api.gql(LOGS, { name: 'chatty', container: 'app' });
  assert.equal(r.errors?.[0]?.extensions?.code, 'UNAVAILABLE');
  assert.match(r.errors![0]!.message, /could not reach the node agent of node "logs-node"/);
  assert.deepEqual((await api.ok(`{ nodeMetrics { metadata { name } } }`)).nodeMetrics, []);
});
