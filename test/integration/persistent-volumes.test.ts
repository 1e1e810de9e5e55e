// PersistentVolumeClaims end to end with real processes: the default StorageClass
// (local-path, WaitForFirstConsumer) provisions a volume on the node the scheduler picks, a
// pod writes a file in it, a new pod on the same claim reads it after the first is
// deleted, and deleting the claim (reclaim Delete) removes the directory and the volume.
// A hand-made volume binds to a matching claim and is Released (Retain) when it goes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../support/api.js';
import type { ComponentProcess } from '../support/component.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';
import { spawnScheduler } from '../support/scheduler.js';

const NODE = 'pv-node';
const POD_CIDR = `127.${160 + (process.pid % 20)}.${(process.pid >> 5) % 256}.0/24`;
let api: TestApi;
let agent: NodeAgentProcess;
let manager: ComponentProcess;
let scheduler: ComponentProcess;
let dataDir: string;
let hostDir: string;

before(async () => {
  api = await startTestApi();
  dataDir = mkdtempSync(join(tmpdir(), 'wh-pv-agent-'));
  hostDir = mkdtempSync(join(tmpdir(), 'wh-pv-host-'));
  agent = spawnNodeAgent(api.url, { nodeName: NODE, runtime: 'process', dataDir, args: ['--pod-cidr', POD_CIDR] });
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
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(hostDir, { recursive: true, force: true });
});

const CLAIM = `query($n: String!) { persistentVolumeClaim(namespace: "default", name: $n) { metadata { uid annotations finalizers } spec { volumeName storageClassName } status { phase capacity accessModes } } }`;
const VOLUME = `query($n: String!) { persistentVolume(name: $n) { metadata { annotations finalizers } spec { hostPath { path type } persistentVolumeReclaimPolicy storageClassName claimRef { namespace name uid } nodeAffinity { required { nodeSelectorTerms { matchExpressions { key operator values } } } } } status { phase } } }`;
const createClaim = (name: string, spec: object) =>
  api.ok(`mutation($input: PersistentVolumeClaimInput!) { createPersistentVolumeClaim(input: $input) { metadata { name } } }`, { input: { metadata: { name }, spec } });
const runPod = async (name: string, script: string, claim: string) => {
  await api.ok(`mutation($input: PodInput!) { createPod(input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name },
      spec: {
        restartPolicy: 'Never',
        terminationGracePeriodSeconds: 1,
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }],
        containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', script], volumeMounts: [{ name: 'data', mountPath: '/var/lib/app-data' }] }],
      },
    },
  });
  const pod = await eventually(
    async () => {
      const got = (await api.ok(`query($n: String!) { pod(namespace: "default", name: $n) { spec { nodeName } status { phase } } }`, { n: name })).pod;
      return ['Succeeded', 'Failed'].includes(got.status?.phase) ? got : undefined;
    },
    60_000,
    `${name} finished`,
  ).catch(async (error) => {
    const debug = await api.ok(
      `query($n: String!) { pod(namespace: "default", name: $n) { spec { nodeName } status { phase conditions { type status reason message } containerStatuses { state { waiting { reason message } } } } } persistentVolumeClaims(namespace: "default") { items { metadata { name annotations } spec { volumeName storageClassName } status { phase } } } events(namespace: "default") { items { reason message involvedObject { name } } } }`,
      { n: name },
    );
    throw new Error(
      `${(error as Error).message}: ${JSON.stringify(debug)}\n${agent.output().slice(-1500)}\n${(scheduler as unknown as { output(): string }).output?.().slice(-2500)}`,
    );
  });
  const logs = (await api.ok(`query($n: String!) { podLogs(namespace: "default", name: $n) }`, { n: name })).podLogs as string;
  return { phase: pod.status.phase as string, node: pod.spec.nodeName as string, logs };
};
const deletePod = async (name: string) => {
  await api.ok(`mutation($n: String!) { deletePod(name: $n) { metadata { name } } }`, { n: name });
  await eventually(
    async () => (await api.ok(`query($n: String!) { pod(namespace: "default", name: $n) { metadata { name } } }`, { n: name })).pod === null,
    30_000,
    `${name} gone`,
  );
};

test('the default StorageClass is local-path (k3s): WaitForFirstConsumer, Delete', async () => {
  const sc = await eventually(
    async () => (await api.ok(`{ storageClass(name: "local-path") { metadata { annotations } provisioner reclaimPolicy volumeBindingMode } }`)).storageClass,
    30_000,
    'local-path StorageClass',
  );
  assert.deepEqual(sc, {
    metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
});

test('a claim gets a local-path volume on the pod node; its data outlives the pod; deleting the claim removes it', async () => {
  await createClaim('data', { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } });
  const waiting = await eventually(
    async () => {
      const { persistentVolumeClaim: c } = await api.ok(CLAIM, { n: 'data' });
      return c.spec.storageClassName === 'local-path' && c.metadata.finalizers?.includes('kubernetes.io/pvc-protection') ? c : undefined;
    },
    30_000,
    'default class and protection finalizer',
  );
  assert.equal(waiting.status.phase, 'Pending', 'WaitForFirstConsumer: no volume before a pod');

  const first = await runPod('writer', 'echo kept-across-pods > /var/lib/app-data/note && ls /var/lib/app-data', 'data');
  assert.equal(first.phase, 'Succeeded', `${first.logs}\n${agent.output().slice(-2000)}`);
  assert.equal(first.node, NODE);
  const { persistentVolumeClaim: claim } = await api.ok(CLAIM, { n: 'data' });
  assert.equal(claim.status.phase, 'Bound');
  assert.equal(claim.metadata.annotations['volume.kubernetes.io/selected-node'], NODE);
  assert.deepEqual(claim.status.accessModes, ['ReadWriteOnce']);
  assert.equal(claim.status.capacity.storage, '1Gi');
  const volumeName = claim.spec.volumeName as string;
  assert.equal(volumeName, `pvc-${claim.metadata.uid}`);
  const { persistentVolume: pv } = await api.ok(VOLUME, { n: volumeName });
  assert.equal(pv.status.phase, 'Bound');
  assert.equal(pv.spec.persistentVolumeReclaimPolicy, 'Delete');
  assert.deepEqual(pv.spec.claimRef, { namespace: 'default', name: 'data', uid: claim.metadata.uid });
  assert.deepEqual(pv.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0], { key: 'kubernetes.io/hostname', operator: 'In', values: [NODE] });
  const dir = pv.spec.hostPath.path as string;
  assert.equal(dir, join(dataDir, 'local-path', `${volumeName}_default_data`));
  assert.equal(readFileSync(join(dir, 'note'), 'utf8'), 'kept-across-pods\n', 'the file is in the volume directory on the node');

  await deletePod('writer');
  const second = await runPod('reader', 'cat /var/lib/app-data/note', 'data');
  assert.equal(second.phase, 'Succeeded', second.logs);
  assert.equal(second.logs, 'kept-across-pods\n');

  // The claim is protected while a pod uses it; once deleted (and unused) it goes, and with it the volume.
  await deletePod('reader');
  await api.ok(`mutation { deletePersistentVolumeClaim(name: "data") { metadata { name } } }`);
  await eventually(async () => !existsSync(dir), 30_000, `directory ${dir} removed (${agent.output().slice(-1500)})`);
  await eventually(async () => (await api.ok(VOLUME, { n: volumeName })).persistentVolume === null, 30_000, 'volume deleted');
  assert.equal((await api.ok(CLAIM, { n: 'data' })).persistentVolumeClaim, null);
});

test('a hand-made hostPath volume binds to a matching claim (smallest that fits) and is Released on Retain', async () => {
  const make = (name: string, size: string) =>
    api.ok(`mutation($input: PersistentVolumeInput!) { createPersistentVolume(input: $input) { metadata { name } } }`, {
      input: {
        metadata: { name },
        spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], storageClassName: 'manual', hostPath: { path: join(hostDir, name), type: 'DirectoryOrCreate' } },
      },
    });
  await make('manual-small', '1Gi');
  await make('manual-big', '10Gi');
  await eventually(async () => (await api.ok(VOLUME, { n: 'manual-small' })).persistentVolume.status.phase === 'Available', 30_000, 'Available');
  await createClaim('manual', { accessModes: ['ReadWriteOnce'], storageClassName: 'manual', resources: { requests: { storage: '512Mi' } } });
  const bound = await eventually(
    async () => {
      const { persistentVolumeClaim: c } = await api.ok(CLAIM, { n: 'manual' });
      return c.status.phase === 'Bound' ? c : undefined;
    },
    30_000,
    'claim bound',
  );
  assert.equal(bound.spec.volumeName, 'manual-small');
  assert.equal(bound.metadata.annotations['pv.kubernetes.io/bind-completed'], 'yes');
  const run = await runPod('manual-user', 'echo hi > /var/lib/app-data/f', 'manual');
  assert.equal(run.phase, 'Succeeded', run.logs);
  assert.equal(readFileSync(join(hostDir, 'manual-small', 'f'), 'utf8'), 'hi\n');
  await deletePod('manual-user');
  await api.ok(`mutation { deletePersistentVolumeClaim(name: "manual") { metadata { name } } }`);
  await eventually(async () => (await api.ok(VOLUME, { n: 'manual-small' })).persistentVolume.status.phase === 'Released', 30_000, 'Released');
  assert.ok(existsSync(join(hostDir, 'manual-small', 'f')), 'Retain keeps the data');
  assert.equal((await api.ok(VOLUME, { n: 'manual-big' })).persistentVolume.status.phase, 'Available');
});
