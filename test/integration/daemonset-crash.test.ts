// kill -9 of the controller-manager in the middle of a DaemonSet rolling update: after a
// restart the update finishes with exactly one updated pod per node and no duplicate revision.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { startTestApi, type TestApi } from '../support/api.js';
import type { ComponentProcess } from '../support/component.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';
import { spawnScheduler } from '../support/scheduler.js';

const NODES = 6;
let api: TestApi;
let agent: NodeAgentProcess;
let scheduler: ComponentProcess;
const managers: ComponentProcess[] = [];
before(async () => {
  api = await startTestApi();
  agent = spawnNodeAgent(api.url, { runtime: 'simulated', args: ['--nodes', String(NODES), '--node-prefix', 'dscrash-'] });
  scheduler = spawnScheduler(api.url);
});
after(async () => {
  for (const m of managers) if (m.exitCode === null && m.signalCode === null) m.kill('SIGKILL');
  await agent?.stop();
  if (scheduler && scheduler.exitCode === null && scheduler.signalCode === null) {
    scheduler.kill('SIGTERM');
    await once(scheduler, 'exit');
  }
  await api?.close();
});

interface PodView {
  metadata: { deletionTimestamp?: string };
  spec: { nodeName?: string; containers: { image: string }[] };
  status: { phase?: string };
}
const livePods = async (): Promise<PodView[]> => {
  const { pods } = await api.ok(`query { pods(labelSelector: "app=crash") { items { metadata { deletionTimestamp } spec { nodeName containers { image } } status { phase } } } }`);
  return (pods.items as PodView[]).filter((p) => !p.metadata.deletionTimestamp);
};

test('kill -9 during a DaemonSet update, restart: exactly one updated pod per node', async () => {
  managers.push(spawnControllerManager(api.url));
  await api.ok(`mutation($input: DaemonSetInput!) { createDaemonSet(input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name: 'crash' },
      spec: {
        // One node at a time, each new pod ready for a second before the next goes: a slow update.
        minReadySeconds: 1,
        selector: { matchLabels: { app: 'crash' } },
        template: { metadata: { labels: { app: 'crash' } }, spec: { containers: [{ name: 'c', image: 'agent:v1' }] } },
      },
    },
  });
  await eventually(async () => (await livePods()).filter((p) => p.status.phase === 'Running').length === NODES, 90_000, 'a pod on every node');
  await eventually(
    async () => {
      const { daemonSet } = await api.ok(`query { daemonSet(name: "crash") { status { numberAvailable } } }`);
      return daemonSet.status.numberAvailable === NODES;
    },
    30_000,
    'all available',
  );
  await api.ok(`mutation { patchDaemonSet(name: "crash", patch: { spec: { template: { spec: { containers: [{ name: "c", image: "agent:v2" }] } } } }) { metadata { name } } }`);
  await eventually(
    async () => {
      const images = (await livePods()).map((p) => p.spec.containers[0]!.image);
      return images.includes('agent:v2') && images.includes('agent:v1');
    },
    60_000,
    'an update in progress',
  );
  managers[0]!.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 500));
  managers.push(spawnControllerManager(api.url));
  await eventually(
    async () => {
      const live = await livePods();
      return live.length === NODES && live.every((p) => p.spec.containers[0]!.image === 'agent:v2' && p.status.phase === 'Running');
    },
    120_000,
    'the update to finish after the restart',
  );
  await new Promise((r) => setTimeout(r, 2000));
  const settled = await livePods();
  assert.equal(settled.length, NODES, 'still exactly one pod per node once settled');
  assert.deepEqual(
    settled.map((p) => p.spec.nodeName).sort(),
    Array.from({ length: NODES }, (_, i) => `dscrash-${i}`),
  );
  assert.ok(settled.every((p) => p.spec.containers[0]!.image === 'agent:v2'));
  const { controllerRevisions } = await api.ok(`query { controllerRevisions(labelSelector: "app=crash") { items { revision } } }`);
  assert.deepEqual(controllerRevisions.items.map((r: { revision: number }) => r.revision).sort(), [1, 2], 'one revision per template, none duplicated');
  const { daemonSet } = await api.ok(`query { daemonSet(name: "crash") { metadata { generation } status { updatedNumberScheduled numberAvailable observedGeneration } } }`);
  await eventually(
    async () => {
      const { daemonSet: ds } = await api.ok(`query { daemonSet(name: "crash") { status { updatedNumberScheduled numberAvailable } } }`);
      return ds.status.updatedNumberScheduled === NODES && ds.status.numberAvailable === NODES;
    },
    20_000,
    'status caught up',
  );
  assert.equal(daemonSet.status.observedGeneration, daemonSet.metadata.generation);
});
