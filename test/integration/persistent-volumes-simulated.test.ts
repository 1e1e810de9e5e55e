// Simulated nodes provision simulated volumes: a local-path claim gets a volume "on" the
// simulated node the scheduler picked (nothing is written), the pod runs, and deleting the
// claim deletes the volume object.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { startTestApi, type TestApi } from '../support/api.js';
import type { ComponentProcess } from '../support/component.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';
import { spawnScheduler } from '../support/scheduler.js';

let api: TestApi;
let agent: NodeAgentProcess;
let manager: ComponentProcess;
let scheduler: ComponentProcess;

before(async () => {
  api = await startTestApi();
  agent = spawnNodeAgent(api.url, { nodeName: 'sim-pv' });
  manager = spawnControllerManager(api.url);
  scheduler = spawnScheduler(api.url);
});
after(async () => {
  await agent?.stop();
  for (const child of [manager, scheduler]) {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
  await api?.close();
});

test('a local-path claim on a simulated node: a simulated volume, bound, deleted with the claim', async () => {
  await api.ok(`mutation($input: PersistentVolumeClaimInput!) { createPersistentVolumeClaim(input: $input) { metadata { name } } }`, {
    input: { metadata: { name: 'cache' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } } },
  });
  await api.ok(`mutation($input: PodInput!) { createPod(input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name: 'user' },
      spec: {
        volumes: [{ name: 'c', persistentVolumeClaim: { claimName: 'cache' } }],
        containers: [{ name: 'app', image: 'redis:7', volumeMounts: [{ name: 'c', mountPath: '/data' }] }],
      },
    },
  });
  const pod = await eventually(
    async () => {
      const got = (await api.ok(`{ pod(namespace: "default", name: "user") { spec { nodeName } status { phase } } }`)).pod;
      return got.status?.phase === 'Running' ? got : undefined;
    },
    60_000,
    'pod Running',
  );
  assert.equal(pod.spec.nodeName, 'sim-pv');
  const { persistentVolumeClaim: claim } = await api.ok(`{ persistentVolumeClaim(namespace: "default", name: "cache") { spec { volumeName } status { phase } } }`);
  assert.equal(claim.status.phase, 'Bound');
  const { persistentVolume: pv } = await api.ok(`query($n: String!) { persistentVolume(name: $n) { spec { hostPath { path } } status { phase } } }`, { n: claim.spec.volumeName });
  assert.match(pv.spec.hostPath.path, /^\/simulated\/sim-pv\/local-path\/pvc-/);
  await api.ok(`mutation { deletePod(name: "user", gracePeriodSeconds: 0) { metadata { name } } }`);
  await api.ok(`mutation { deletePersistentVolumeClaim(name: "cache") { metadata { name } } }`);
  await eventually(
    async () => (await api.ok(`query($n: String!) { persistentVolume(name: $n) { metadata { name } } }`, { n: claim.spec.volumeName })).persistentVolume === null,
    30_000,
    'volume deleted',
  );
});
