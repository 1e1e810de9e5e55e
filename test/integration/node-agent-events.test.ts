// Kubelet events of a real (process runtime) pod: Created and Started per container, Killing on delete.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';

let api: TestApi;
let agent: NodeAgentProcess;

before(async () => {
  api = await startTestApi();
  agent = spawnNodeAgent(api.url, { nodeName: 'proc-events', runtime: 'process' });
  await eventually(async () => (await api.ok(`{ node(name: "proc-events") { status { conditions { type } } } }`)).node?.status?.conditions?.length > 0, 30_000, 'node');
});
after(async () => {
  assert.equal(await agent.stop(), 0, agent.output());
  await api.close();
});

const EVENTS = `query { events(namespace: "default", fieldSelector: "involvedObject.name=sleeper") { items { reason message type source { component } } } }`;

test('a started container gets Created and Started events from the kubelet; a delete gets Killing', async () => {
  await api.ok(`mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name: 'sleeper' },
      spec: {
        nodeName: 'proc-events',
        terminationGracePeriodSeconds: 5,
        containers: [{ name: 'main', image: 'node:20', command: [process.execPath, '-e', 'setInterval(() => {}, 1000)'] }],
      },
    },
  });
  const reasons = await eventually(
    async () => {
      const { events } = await api.ok(EVENTS);
      const found = events.items.map((e: { reason: string; message: string }) => `${e.reason}: ${e.message}`).sort();
      return found.length >= 2 ? found : undefined;
    },
    30_000,
    'Created and Started events',
  );
  assert.deepEqual(reasons, ['Created: Created container main', 'Started: Started container main']);
  await api.ok(`mutation { deletePod(namespace: "default", name: "sleeper") { metadata { name } } }`);
  await eventually(async () => (await api.ok(`{ pod(namespace: "default", name: "sleeper") { metadata { name } } }`)).pod === null, 30_000, 'deletion confirmed');
  const killing = await eventually(async () => (await api.ok(EVENTS)).events.items.find((e: { reason: string }) => e.reason === 'Killing'), 20_000, 'a Killing event');
  assert.deepEqual([killing.message, killing.type, killing.source.component], ['Stopping container main', 'Normal', 'kubelet']);
});
