import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => api?.close());

const APPLY = `mutation($m: String!, $dry: Boolean) { apply(manifest: $m, dryRun: $dry) { objects { apiVersion kind namespace name resourceVersion action } } }`;

const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: shop
  labels:
    app: shop
spec:
  containers:
    - name: app
      image: nginx:1.27
${extra}`;

const MANIFEST = ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop', pod('front'), pod('back')].join('\n---\n');

test('a multi-document manifest creates, then reports unchanged, then configured', async () => {
  const created = await api.ok(APPLY, { m: MANIFEST });
  assert.deepEqual(
    created.apply.objects.map((o: any) => [o.kind, o.name, o.action]),
    [
      ['Namespace', 'shop', 'created'],
      ['Pod', 'front', 'created'],
      ['Pod', 'back', 'created'],
    ],
  );
  const again = await api.ok(APPLY, { m: MANIFEST });
  assert.deepEqual(
    again.apply.objects.map((o: any) => o.action),
    ['unchanged', 'unchanged', 'unchanged'],
  );
  const changed = await api.ok(APPLY, { m: MANIFEST.replace('app: shop', 'app: shop\n    tier: web') });
  assert.deepEqual(
    changed.apply.objects.map((o: any) => o.action),
    ['unchanged', 'configured', 'unchanged'],
  );
});

test('fields removed from the manifest are removed; fields set by others are kept', async () => {
  await api.ok(`mutation { patchPod(namespace: "shop", name: "back", patch: { metadata: { labels: { owner: "ops" } } }) { metadata { name } } }`);
  await api.ok(APPLY, { m: pod('back').replace('  labels:\n    app: shop\n', '  labels:\n    release: v2\n') });
  const { pod: back } = await api.ok(`query { pod(namespace: "shop", name: "back") { metadata { labels annotations } } }`);
  assert.deepEqual(back.metadata.labels, { owner: 'ops', release: 'v2' });
  assert.ok(back.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']);
});

test('JSON manifests apply too', async () => {
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'json-pod', namespace: 'shop' }, spec: { containers: [{ name: 'a', image: 'x:1' }] } });
  const result = await api.ok(APPLY, { m: json });
  assert.equal(result.apply.objects[0].action, 'created');
});

test('an invalid third document writes nothing and names the document and field', async () => {
  const bad = [
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: never',
    pod('one').replace('namespace: shop', 'namespace: never'),
    pod('two').replace('namespace: shop', 'namespace: never').replace('      image: nginx:1.27', '      image: nginx:1.27\n      colour: red'),
  ].join('\n---\n');
  const result = await api.gql(APPLY, { m: bad });
  const error = result.errors?.[0];
  assert.equal(error?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(error!.message, /document 2/);
  assert.equal(error?.extensions?.field, 'spec.containers[0].colour');
  const { namespace } = await api.ok(`query { namespace(name: "never") { metadata { name } } }`);
  assert.equal(namespace, null, 'the namespace of document 0 was not written');
});

test('an unsupported kind is rejected by name', async () => {
  const result = await api.gql(APPLY, { m: 'apiVersion: apps/v1\nkind: Sprocket\nmetadata:\n  name: x' });
  assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(result.errors![0]!.message, /Sprocket/);
});

test('a Node applied with status keeps it (nodes report their own status); a Pod does not', async () => {
  await api.ok(APPLY, { m: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: applied-node\nstatus:\n  allocatable: {cpu: "4", pods: "110"}' });
  const { node } = await api.ok(`query { node(name: "applied-node") { status { allocatable } } }`);
  assert.deepEqual(node.status.allocatable, { cpu: '4', pods: '110' });
  await api.ok(APPLY, { m: `${pod('with-status')}status:\n  phase: Running\n` });
  const { pod: p } = await api.ok(`query { pod(namespace: "shop", name: "with-status") { status { phase } } }`);
  assert.equal(p.status.phase, 'Pending');
});

test('dryRun writes nothing', async () => {
  const result = await api.ok(APPLY, { m: pod('dry-one'), dry: true });
  assert.equal(result.apply.objects[0].action, 'created');
  const { pod: p } = await api.ok(`query { pod(namespace: "shop", name: "dry-one") { metadata { name } } }`);
  assert.equal(p, null);
});
