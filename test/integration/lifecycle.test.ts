import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, podInput, type TestApi } from '../support/api.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => api?.close());

const CREATE = `mutation($ns: String, $input: PodInput!) { createPod(namespace: $ns, input: $input) { metadata { name } } }`;
const META = `metadata { name resourceVersion finalizers deletionTimestamp deletionGracePeriodSeconds generation }`;

describe('finalizers', () => {
  test('delete with finalizers only marks the object; removing the last finalizer deletes it', async () => {
    await api.ok(CREATE, { input: podInput('held', { finalizers: ['example.com/hold'] }) });
    const { deletePod } = await api.ok(`mutation { deletePod(name: "held") { ${META} } }`);
    assert.ok(deletePod.metadata.deletionTimestamp, 'deletionTimestamp set');
    assert.equal(deletePod.metadata.deletionGracePeriodSeconds, 0);
    assert.ok((await api.ok(`query { pod(name: "held") { metadata { name } } }`)).pod, 'still there');

    const adding = await api.gql(`mutation { patchPod(name: "held", patch: { metadata: { finalizers: ["example.com/hold", "example.com/new"] } }) { metadata { name } } }`);
    assert.equal(adding.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', 'no new finalizers on a terminating object');

    await api.ok(`mutation { patchPod(name: "held", patch: { metadata: { finalizers: [] } }) { metadata { name } } }`);
    assert.equal((await api.ok(`query { pod(name: "held") { metadata { name } } }`)).pod, null);
  });

  test('a pod on a node waits out its grace period until confirmed with grace 0', async () => {
    await api.ok(CREATE, { input: podInput('running', { nodeName: 'node-a' }) });
    const { deletePod } = await api.ok(`mutation { deletePod(name: "running", gracePeriodSeconds: 20) { ${META} } }`);
    assert.equal(deletePod.metadata.deletionGracePeriodSeconds, 20);
    const deadline = Date.parse(deletePod.metadata.deletionTimestamp) - Date.now();
    assert.ok(deadline > 15_000 && deadline <= 21_000, `deletionTimestamp ~20 s ahead, got ${deadline} ms`);
    const again = await api.ok(`mutation { deletePod(name: "running", gracePeriodSeconds: 60) { ${META} } }`);
    assert.equal(again.deletePod.metadata.deletionTimestamp, deletePod.metadata.deletionTimestamp, 'a later delete never lengthens the grace');
    await api.ok(`mutation { deletePod(name: "running", gracePeriodSeconds: 0) { metadata { name } } }`);
    assert.equal((await api.ok(`query { pod(name: "running") { metadata { name } } }`)).pod, null);
  });

  test('an unscheduled pod is deleted at once', async () => {
    await api.ok(CREATE, { input: podInput('pending') });
    await api.ok(`mutation { deletePod(name: "pending") { metadata { name } } }`);
    assert.equal((await api.ok(`query { pod(name: "pending") { metadata { name } } }`)).pod, null);
  });

  test('Foreground and Orphan propagation add the garbage-collector finalizers', async () => {
    await api.ok(CREATE, { input: podInput('fg') });
    const fg = await api.ok(`mutation { deletePod(name: "fg", propagationPolicy: Foreground) { ${META} } }`);
    assert.deepEqual(fg.deletePod.metadata.finalizers, ['foregroundDeletion']);
    await api.ok(CREATE, { input: podInput('orphan') });
    const or = await api.ok(`mutation { deletePod(name: "orphan", propagationPolicy: Orphan) { ${META} } }`);
    assert.deepEqual(or.deletePod.metadata.finalizers, ['orphan']);
  });

  test('dryRun validates without writing', async () => {
    const { createPod } = await api.ok(`mutation($input: PodInput!) { createPod(input: $input, dryRun: true) { metadata { name } spec { restartPolicy } } }`, {
      input: podInput('dry'),
    });
    assert.equal(createPod.spec.restartPolicy, 'Always');
    assert.equal((await api.ok(`query { pod(name: "dry") { metadata { name } } }`)).pod, null);
  });
});

describe('namespaces', () => {
  test('objects need an existing namespace', async () => {
    const result = await api.gql(CREATE, { ns: 'nowhere', input: podInput('x') });
    assert.equal(result.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('a terminating namespace takes no new objects', async () => {
    await api.ok(`mutation { createNamespace(input: { metadata: { name: "closing" } }) { metadata { name } } }`);
    await api.ok(CREATE, { ns: 'closing', input: podInput('before') });
    const { deleteNamespace } = await api.ok(`mutation { deleteNamespace(name: "closing") { metadata { deletionTimestamp } status { phase } } }`);
    assert.equal(deleteNamespace.status.phase, 'Terminating');
    assert.ok(deleteNamespace.metadata.deletionTimestamp);
    const result = await api.gql(CREATE, { ns: 'closing', input: podInput('after') });
    assert.equal(result.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.match(result.errors![0]!.message, /being terminated/);
  });

  test('spec.finalizers change only through finalizeNamespace; removing the last one ends a terminating namespace', async () => {
    await api.ok(`mutation { createNamespace(input: { metadata: { name: "ending" } }) { metadata { name } } }`);
    const kept = await api.ok(`mutation { patchNamespace(name: "ending", patch: { spec: { finalizers: [] }, metadata: { labels: { a: "b" } } }) { spec { finalizers } } }`);
    assert.deepEqual(kept.patchNamespace.spec.finalizers, ['kubernetes']);
    await api.ok(`mutation { deleteNamespace(name: "ending") { metadata { name } } }`);
    assert.ok((await api.ok(`query { namespace(name: "ending") { metadata { name } } }`)).namespace, 'held by its finalizer');
    const done = await api.ok(`mutation { finalizeNamespace(name: "ending", finalizers: []) { metadata { name } } }`);
    assert.equal(done.finalizeNamespace, null);
    assert.equal((await api.ok(`query { namespace(name: "ending") { metadata { name } } }`)).namespace, null);
  });

  test('a namespace mismatch between argument and object is BAD_USER_INPUT', async () => {
    const input = podInput('mismatch');
    const result = await api.gql(CREATE, { ns: 'default', input: { ...input, metadata: { ...input.metadata, namespace: 'kube-system' } } });
    assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(result.errors?.[0]?.extensions?.field, 'metadata.namespace');
  });
});
