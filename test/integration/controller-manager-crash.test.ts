import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { once } from 'node:events';
import type { ComponentProcess } from '../support/component.js';
import { spawnControllerManager, eventually } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';
import { spawnScheduler } from '../support/scheduler.js';

// The whole cluster but the controller-manager, which the test starts, kills and restarts:
// the scheduler binds the pods and a simulated node agent runs them and reports readiness.
let api: TestApi;
let agent: NodeAgentProcess;
let scheduler: ComponentProcess;
const managers: ReturnType<typeof spawnControllerManager>[] = [];
before(async () => {
  api = await startTestApi();
  agent = spawnNodeAgent(api.url, { runtime: 'simulated', args: ['--nodes', '2', '--node-prefix', 'crash-'] });
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

const pods = async () => {
  const { pods } = await api.ok(
    `query { pods(labelSelector: "app=big") { items { metadata { name deletionTimestamp ownerReferences { name } } spec { containers { image } } } } }`,
  );
  return (pods.items as { metadata: { deletionTimestamp?: string; ownerReferences: { name: string }[] }; spec: { containers: { image: string }[] } }[]).filter(
    (p) => !p.metadata.deletionTimestamp,
  );
};

test('kill -9 in the middle of a 50-pod rollout, restart: exactly 50 pods of the new template, no duplicates', async () => {
  managers.push(spawnControllerManager(api.url));
  await api.ok(`mutation($input: DeploymentInput!) { createDeployment(input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name: 'big' },
      spec: {
        replicas: 50,
        selector: { matchLabels: { app: 'big' } },
        template: { metadata: { labels: { app: 'big' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] } },
      },
    },
  });
  await eventually(async () => (await pods()).length === 50, 90_000, '50 pods');
  await api.ok(`mutation { patchDeployment(name: "big", patch: { spec: { template: { spec: { containers: [{ name: "app", image: "nginx:1.26" }] } } } }) { metadata { name } } }`);
  // Kill once the rollout is under way: some new pods exist, old ones remain.
  await eventually(
    async () => {
      const images = (await pods()).map((p) => p.spec.containers[0]!.image);
      return images.includes('nginx:1.26') && images.includes('nginx:1.25');
    },
    60_000,
    'a rollout in progress',
  );
  managers[0]!.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 500));
  // The new manager waits for the dead one's lease (3 s) to expire, then finishes the job.
  managers.push(spawnControllerManager(api.url));
  await eventually(
    async () => {
      const live = await pods();
      return live.length === 50 && live.every((p) => p.spec.containers[0]!.image === 'nginx:1.26');
    },
    120_000,
    'the rollout to finish after the restart',
  );
  await new Promise((r) => setTimeout(r, 2000));
  const settled = await pods();
  assert.equal(settled.length, 50, 'still exactly 50 once settled');
  const { replicaSets } = await api.ok(`query { replicaSets(labelSelector: "app=big") { items { metadata { name } spec { replicas } } } }`);
  assert.equal(replicaSets.items.length, 2, 'one ReplicaSet per template, no duplicate');
  assert.deepEqual(replicaSets.items.map((r: any) => r.spec.replicas).sort(), [0, 50]);
});
