// Volumes at their mountPath in real processes (process runtime, a real agent and API):
// a pod reads its ConfigMap and Secret where it mounted them, sees a ConfigMap edit while it
// runs, shares an emptyDir between two containers and cannot write a read-only mount; a
// missing ConfigMap holds the pod in ContainerCreating with the kubelet's FailedMount event
// until it appears.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';

const NODE = 'vol-node';
const POD_CIDR = `127.${120 + (process.pid % 20)}.${(process.pid >> 5) % 256}.0/24`;
const PASSWORD = 'mounted-secret-value-41d2';
let api: TestApi;
let agent: NodeAgentProcess;

before(async () => {
  api = await startTestApi();
  agent = spawnNodeAgent(api.url, { nodeName: NODE, runtime: 'process', args: ['--pod-cidr', POD_CIDR] });
  await eventually(async () => (await api.ok(`{ node(name: "${NODE}") { status { conditions { type } } } }`)).node?.status?.conditions?.length > 0, 30_000, 'node registered');
});
after(async () => {
  assert.equal(await agent.stop(), 0, agent.output());
  await api.close();
});

const logs = async (name: string, container: string): Promise<string> =>
  (await api.ok(`query($name: String!, $c: String) { podLogs(namespace: "default", name: $name, container: $c) }`, { name, c: container })).podLogs ?? '';
const lastReport = async (name: string, container: string) => {
  const lines = (await logs(name, container).catch(() => ''))
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'));
  return lines.length ? (JSON.parse(lines.at(-1)!) as Record<string, string>) : undefined;
};
const createPod = (name: string, spec: object, labels: Record<string, string> = {}) =>
  api.ok(`mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`, {
    input: { metadata: { name, labels }, spec: { nodeName: NODE, terminationGracePeriodSeconds: 1, ...spec } },
  });

// Reads what the pod mounted, every 100 ms, and reports it as one JSON line.
const READER = `
const fs = require('fs');
const read = (p) => { try { return fs.readFileSync(p, 'utf8'); } catch (e) { return e.code; } };
setInterval(() => {
  let ro;
  try { fs.writeFileSync('/etc/config/x', 'x'); ro = 'written'; } catch (e) { ro = e.code; }
  let roEmpty;
  try { fs.writeFileSync('/srv/shared-ro/x', 'x'); roEmpty = 'written'; } catch (e) { roEmpty = e.code; }
  console.log(JSON.stringify({
    conf: read('/etc/config/app.conf'), password: read('/etc/secret/password'),
    mode: (fs.statSync('/etc/secret/password').mode & 0o777).toString(8),
    shared: read('/srv/shared/from-writer'), labels: read('/etc/podinfo/labels'), name: read('/etc/podinfo/name'),
    ro, roEmpty,
  }));
}, 100);`;
const WRITER = `require('fs').writeFileSync('/srv/shared/from-writer', 'hello from the writer'); setInterval(() => {}, 1000);`;

test('a pod reads its mounted ConfigMap and Secret, sees a ConfigMap edit, shares an emptyDir and cannot write a read-only mount', async (t) => {
  await api.ok(`mutation($input: ConfigMapInput!) { createConfigMap(input: $input) { metadata { name } } }`, {
    input: { metadata: { name: 'app-config' }, data: { 'app.conf': 'level=info' } },
  });
  await api.ok(`mutation($input: SecretInput!) { createSecret(input: $input) { metadata { name } } }`, { input: { metadata: { name: 'db' }, stringData: { password: PASSWORD } } });
  await createPod(
    'mounts',
    {
      volumes: [
        { name: 'config', configMap: { name: 'app-config' } },
        { name: 'creds', secret: { secretName: 'db', defaultMode: 0o400 } },
        { name: 'shared', emptyDir: {} },
        {
          name: 'podinfo',
          downwardAPI: {
            items: [
              { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
              { path: 'name', fieldRef: { fieldPath: 'metadata.name' } },
            ],
          },
        },
      ],
      containers: [
        {
          name: 'reader',
          image: 'node:20',
          command: [process.execPath, '-e', READER],
          volumeMounts: [
            { name: 'config', mountPath: '/etc/config' },
            { name: 'creds', mountPath: '/etc/secret' },
            { name: 'shared', mountPath: '/srv/shared' },
            { name: 'shared', mountPath: '/srv/shared-ro', readOnly: true },
            { name: 'podinfo', mountPath: '/etc/podinfo' },
          ],
        },
        { name: 'writer', image: 'node:20', command: [process.execPath, '-e', WRITER], volumeMounts: [{ name: 'shared', mountPath: '/srv/shared' }] },
      ],
    },
    { app: 'mounts' },
  );
  const seen = await eventually(
    async () => {
      const report = await lastReport('mounts', 'reader');
      return report?.shared === 'hello from the writer' ? report : undefined;
    },
    30_000,
    `reader report (${agent.output().slice(-2000)})`,
  );
  assert.equal(seen.conf, 'level=info');
  assert.equal(seen.password, PASSWORD);
  assert.equal(seen.mode, '400');
  assert.equal(seen.labels, 'app="mounts"');
  assert.equal(seen.name, 'mounts');
  assert.equal(seen.ro, 'EROFS', 'configMap volumes are read-only');
  assert.equal(seen.roEmpty, 'EROFS', 'readOnly: true is honoured');
  assert.equal(existsSync('/srv/shared'), false, 'mount points are not made on the host');
  const { pod: running } = await api.ok(`{ pod(namespace: "default", name: "mounts") { metadata { uid } } }`);
  const hostMounts = readFileSync('/proc/self/mountinfo', 'utf8');
  assert.ok(hostMounts.includes(`${agent.dataDir}/pods/${running.metadata.uid}/volumes/creds `), 'the secret volume is a tmpfs: its files never reach the disk');
  assert.ok(!hostMounts.includes(`${agent.dataDir}/pods/${running.metadata.uid}/volumes/config `), 'configMap volumes are plain directories');

  const edited = Date.now();
  await api.ok(`mutation($patch: JSONObject!) { patchConfigMap(name: "app-config", patch: $patch) { metadata { name } } }`, { patch: { data: { 'app.conf': 'level=debug' } } });
  await eventually(async () => (await lastReport('mounts', 'reader'))?.conf === 'level=debug', 30_000, 'the edit reaches the mounted file');
  t.diagnostic(`ConfigMap edit → mounted file changed in ${Date.now() - edited} ms (reader polls every 100 ms)`);
  const { pod } = await api.ok(`{ pod(namespace: "default", name: "mounts") { status { containerStatuses { name restartCount } } } }`);
  assert.deepEqual(
    pod.status.containerStatuses.map((c: { restartCount: number }) => c.restartCount),
    [0, 0],
    'no restart',
  );

  await api.ok(`mutation { patchPod(name: "mounts", patch: { metadata: { labels: { app: "mounts", tier: "web" } } }) { metadata { name } } }`);
  await eventually(async () => (await lastReport('mounts', 'reader'))?.labels === 'app="mounts"\ntier="web"', 30_000, 'downward API labels follow the pod');
  assert.ok(!agent.output().includes(PASSWORD), 'the secret never reaches the agent log');
});

test('a missing ConfigMap holds the pod in ContainerCreating with FailedMount; it starts once the ConfigMap exists', async () => {
  await createPod('waits', {
    volumes: [{ name: 'config', configMap: { name: 'late-config' } }],
    containers: [{ name: 'app', image: 'node:20', command: ['cat', '/etc/late/k'], volumeMounts: [{ name: 'config', mountPath: '/etc/late' }] }],
    restartPolicy: 'Never',
  });
  await eventually(
    async () => {
      const { events } = await api.ok(`query { events(namespace: "default", fieldSelector: "involvedObject.name=waits") { items { reason message type } } }`);
      return events.items.find((e: { reason: string }) => e.reason === 'FailedMount');
    },
    30_000,
    'FailedMount event',
  ).then((event) => assert.deepEqual([event.type, event.message], ['Warning', 'MountVolume.SetUp failed for volume "config" : configmap "late-config" not found']));
  const pod = await eventually(
    async () => {
      const got = (await api.ok(`{ pod(namespace: "default", name: "waits") { status { phase containerStatuses { state { waiting { reason } } } } } }`)).pod;
      return got.status.containerStatuses ? got : undefined;
    },
    10_000,
    'statuses',
  );
  assert.equal(pod.status.phase, 'Pending');
  assert.equal(pod.status.containerStatuses[0].state.waiting.reason, 'ContainerCreating');
  await api.ok(`mutation { createConfigMap(input: { metadata: { name: "late-config" }, data: { k: "arrived" } }) { metadata { name } } }`);
  await eventually(async () => (await api.ok(`{ pod(namespace: "default", name: "waits") { status { phase } } }`)).pod.status.phase === 'Succeeded', 30_000, 'Succeeded');
  assert.equal((await logs('waits', 'app')).trim(), 'arrived');
});

test('a disk emptyDir written past its sizeLimit gets the pod evicted, as the kubelet does', async () => {
  const fill = `require('fs').writeFileSync('/srv/cache/blob', Buffer.alloc(2 * 1024 * 1024)); setInterval(() => {}, 1000);`;
  await createPod('hog', {
    volumes: [{ name: 'cache', emptyDir: { sizeLimit: '1Mi' } }],
    containers: [{ name: 'app', image: 'node:20', command: [process.execPath, '-e', fill], volumeMounts: [{ name: 'cache', mountPath: '/srv/cache' }] }],
  });
  const status = await eventually(
    async () => {
      const { pod } = await api.ok(`{ pod(namespace: "default", name: "hog") { status { phase reason message containerStatuses { state { terminated { reason } } } } } }`);
      return pod.status.phase === 'Failed' ? pod.status : undefined;
    },
    30_000,
    'evicted',
  );
  assert.equal(status.reason, 'Evicted');
  assert.equal(status.message, 'Usage of EmptyDir volume "cache" exceeds the limit "1Mi". ');
  const { events } = await api.ok(`query { events(namespace: "default", fieldSelector: "involvedObject.name=hog") { items { reason type } } }`);
  assert.ok(events.items.some((e: { reason: string; type: string }) => e.reason === 'Evicted' && e.type === 'Warning'));
});

test('pods using a volume type Wheelhouse does not run are refused at validation, by field', async () => {
  const error = await api
    .ok(`mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`, {
      input: {
        metadata: { name: 'hp' },
        spec: {
          containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'v', mountPath: '/v', mountPropagation: 'HostToContainer' }] }],
          volumes: [{ name: 'v', emptyDir: { medium: 'HugePages' } }],
        },
      },
    })
    .then(
      () => undefined,
      (e: Error) => e.message,
    );
  assert.match(error ?? '', /spec\.volumes\[0\]\.emptyDir\.medium/);
  assert.match(error ?? '', /mountPropagation/);
});
