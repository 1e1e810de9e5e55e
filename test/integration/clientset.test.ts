import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createClientset, hasCode, WheelhouseClient, type Clientset, type WatchEvent } from '@wheelhouse/client';
import type { Deployment, Pod } from '@wheelhouse/model';
import { startTestApi, TEST_TOKEN, type TestApi } from '../support/api.js';

let api: TestApi;
let client: WheelhouseClient;
let cs: Clientset;

before(async () => {
  api = await startTestApi();
  client = new WheelhouseClient({ server: api.url, token: TEST_TOKEN });
  cs = createClientset(client);
});
after(async () => {
  client.close();
  await api.close();
});

const pod = (name: string, labels: Record<string, string> = {}): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels },
  spec: { containers: [{ name: 'app', image: 'busybox' }] },
});

test('create, get, list, patch, replace and delete a pod; objects come back as Kubernetes JSON without nulls', async () => {
  const created = await cs.pods.create(pod('cs-a', { app: 'a' }));
  assert.equal(created.metadata.name, 'cs-a');
  assert.match(created.metadata.resourceVersion!, /^\d+$/);
  assert.equal(created.spec?.containers?.[0]?.image, 'busybox');
  assert.equal('nodeName' in created.spec!, false, 'unset fields are absent, not null');

  const got = await cs.pods.get({ namespace: 'default', name: 'cs-a' });
  assert.equal(got?.metadata.uid, created.metadata.uid);
  assert.equal(await cs.pods.get({ namespace: 'default', name: 'absent' }), null);

  const patched = await cs.pods.patch(created.metadata, { metadata: { labels: { tier: 'web' } } });
  assert.deepEqual(patched.metadata.labels, { app: 'a', tier: 'web' });

  const replaced = await cs.pods.replace({ ...patched, metadata: { ...patched.metadata, annotations: { note: 'x' } } });
  assert.equal(replaced.metadata.annotations?.note, 'x');
  // A stale resourceVersion on replace is CONFLICT.
  await assert.rejects(cs.pods.replace(patched), (e) => hasCode(e, 'CONFLICT'));

  const page = await cs.pods.list({ namespace: 'default', labelSelector: 'tier=web' });
  assert.deepEqual(
    page.items.map((p) => p.metadata.name),
    ['cs-a'],
  );
  assert.match(page.resourceVersion, /^\d+$/);

  const deleted = await cs.pods.delete(replaced.metadata, { gracePeriodSeconds: 0 });
  assert.ok(deleted === null || deleted.metadata.name === 'cs-a');
  assert.equal(await cs.pods.get(replaced.metadata), null);
});

test('cluster-scoped kinds take no namespace; status writes only touch status', async () => {
  const ns = await cs.namespaces.create({ metadata: { name: 'cs-ns', namespace: 'ignored' } });
  assert.equal(ns.metadata.namespace, undefined);
  const node = await cs.nodes.create({ metadata: { name: 'cs-node' }, spec: {} });
  const reported = await cs.nodes.patchStatus(node.metadata, { status: { capacity: { cpu: '4' } } }, { select: 'metadata { resourceVersion } status { capacity }' });
  assert.deepEqual(reported.status?.capacity, { cpu: '4' });
  assert.equal(reported.spec, undefined, 'a smaller selection returns only what it selects');
  const many = await cs.nodes.patchManyStatus([{ name: 'cs-node', patch: { status: { allocatable: { cpu: '3' } } } }]);
  assert.equal(many[0]?.status?.allocatable?.cpu, '3');
});

test('list pages with limit and continue; listAll reads every page at one snapshot', async () => {
  await cs.pods.createMany(['p1', 'p2', 'p3', 'p4', 'p5'].map((n) => pod(`page-${n}`, { set: 'page' })));
  const first = await cs.pods.list({ namespace: 'default', labelSelector: 'set=page', limit: 2 });
  assert.equal(first.items.length, 2);
  assert.ok(first.continue);
  const second = await cs.pods.list({ namespace: 'default', labelSelector: 'set=page', limit: 2, continue: first.continue });
  assert.equal(second.items.length, 2);
  const all = await cs.pods.listAll({ namespace: 'default', labelSelector: 'set=page', pageSize: 2 });
  assert.equal(all.items.length, 5);
  assert.equal(all.resourceVersion, first.resourceVersion);
});

test('watch lists first, then delivers changes as typed objects', async () => {
  const relists: Pod[][] = [];
  const events: WatchEvent<Pod>[] = [];
  const handle = cs.pods.watch({ namespace: 'default', labelSelector: 'set=watch', onRelist: (items) => relists.push(items), onEvent: (e) => events.push(e) });
  try {
    await waitFor(() => relists.length === 1);
    await cs.pods.create(pod('watched', { set: 'watch' }));
    await waitFor(() => events.length === 1);
    assert.equal(events[0]!.type, 'ADDED');
    assert.equal(events[0]!.object.metadata.name, 'watched');
    assert.equal(events[0]!.object.spec?.nodeName, undefined);
  } finally {
    handle.stop();
  }
});

test('typed operations beyond CRUD: scale, and errors keep their codes', async () => {
  const deployment: Deployment = {
    metadata: { name: 'cs-web', namespace: 'default' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'cs-web' } },
      template: { metadata: { labels: { app: 'cs-web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } },
    },
  };
  await cs.deployments.create(deployment);
  await cs.deployments.scale({ namespace: 'default', name: 'cs-web' }, 3);
  assert.equal((await cs.deployments.get({ namespace: 'default', name: 'cs-web' }))?.spec?.replicas, 3);
  const paused = await cs.ops.mutate('pauseDeployment', { namespace: 'default', name: 'cs-web' });
  assert.equal(paused.spec?.paused, true);
  await assert.rejects(cs.ops.mutate('evictPod', { namespace: 'default', name: 'nobody' }), (e) => hasCode(e, 'NOT_FOUND'));
  await assert.rejects(cs.pods.create(pod('Bad_Name')), (e) => hasCode(e, 'BAD_USER_INPUT'));
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met before the hang guard');
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('the informer factory shares one typed informer per kind and scope, with named indexes', async () => {
  const { InformerFactory } = await import('@wheelhouse/controller-runtime');
  const factory = new InformerFactory(cs);
  const pods = factory.informerFor('Pod').addIndexers({ byNode: (p) => [p.spec?.nodeName ?? ''] });
  assert.equal(factory.informerFor('Pod'), pods, 'asked twice, one informer');
  assert.notEqual(factory.informerFor('Pod', { namespace: 'kube-system' }), pods, 'another scope, another informer');
  const slim = factory.informerFor('Pod', { select: 'spec { nodeName }' });
  assert.notEqual(slim, pods, 'another selection, another informer');
  await cs.nodes.create({ metadata: { name: 'idx-node' }, spec: {} });
  await cs.pods.create({ ...pod('on-node'), spec: { nodeName: 'idx-node', containers: [{ name: 'app', image: 'busybox' }] } });
  factory.start();
  try {
    assert.equal(await factory.waitForSync(), true);
    const onNode = pods.byIndex('byNode', 'idx-node');
    assert.deepEqual(
      onNode.map((p) => p.metadata.name),
      ['on-node'],
    );
    assert.equal(onNode[0]!.spec?.containers?.[0]?.name, 'app', 'cached objects are whole and typed');
    const slimPod = slim.get('default/on-node');
    assert.equal(slimPod?.spec?.nodeName, 'idx-node');
    assert.equal(slimPod?.spec?.containers, undefined, 'a selection caches only its fields');
  } finally {
    factory.stop();
  }
});
