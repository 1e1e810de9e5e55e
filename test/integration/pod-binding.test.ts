import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(() => api?.close());

const BIND = `mutation($ns: String, $name: String!, $node: String!, $uid: String) { bindPod(namespace: $ns, name: $name, nodeName: $node, uid: $uid) { metadata { resourceVersion generation } spec { nodeName } status { conditions { type status } } } }`;
const BIND_MANY = `mutation($items: [PodBindingInput!]!) { bindPods(items: $items) { namespace name pod { metadata { name resourceVersion } spec { nodeName } } error { code message field } } }`;

async function createPod(name: string): Promise<{ uid: string; resourceVersion: string }> {
  const { createPod } = await api.ok(`mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { uid resourceVersion } } }`, {
    input: { metadata: { name }, spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] } },
  });
  return createPod.metadata;
}
const nodeNameOf = async (name: string) => (await api.ok(`query($name: String!) { pod(namespace: "default", name: $name) { spec { nodeName } } }`, { name })).pod.spec.nodeName;

describe('pods/binding', () => {
  test('bindPod sets nodeName and PodScheduled=True once; binding again is CONFLICT, even to the same node', async () => {
    const created = await createPod('bind-once');
    const { bindPod } = await api.ok(BIND, { ns: 'default', name: 'bind-once', node: 'node-a' });
    assert.equal(bindPod.spec.nodeName, 'node-a');
    assert.deepEqual(
      bindPod.status.conditions.find((c: { type: string }) => c.type === 'PodScheduled'),
      { type: 'PodScheduled', status: 'True' },
    );
    assert.ok(BigInt(bindPod.metadata.resourceVersion) > BigInt(created.resourceVersion));
    for (const node of ['node-b', 'node-a']) {
      const again = await api.gql(BIND, { ns: 'default', name: 'bind-once', node });
      assert.equal(again.errors?.[0]?.extensions?.code, 'CONFLICT');
    }
    assert.equal(await nodeNameOf('bind-once'), 'node-a');
  });

  test('bindPod: NOT_FOUND for a missing pod or another uid; BAD_USER_INPUT with the field for a bad node name', async () => {
    assert.equal((await api.gql(BIND, { ns: 'default', name: 'nobody', node: 'node-a' })).errors?.[0]?.extensions?.code, 'NOT_FOUND');
    await createPod('bind-uid');
    assert.equal((await api.gql(BIND, { ns: 'default', name: 'bind-uid', node: 'node-a', uid: 'not-its-uid' })).errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const bad = await api.gql(BIND, { ns: 'default', name: 'bind-uid', node: 'Not_A_Node' });
    assert.deepEqual(bad.errors?.[0]?.extensions, { code: 'BAD_USER_INPUT', field: 'nodeName' });
    assert.equal(await nodeNameOf('bind-uid'), null, 'nothing written');
  });

  test('bindPods: one bad item does not fail the batch; each item answers', async () => {
    const a = await createPod('batch-a');
    await createPod('batch-b');
    await createPod('batch-bound');
    await api.ok(BIND, { ns: 'default', name: 'batch-bound', node: 'node-z' });
    const { bindPods } = await api.ok(BIND_MANY, {
      items: [
        { namespace: 'default', name: 'batch-a', nodeName: 'node-1', uid: a.uid },
        { namespace: 'default', name: 'batch-missing', nodeName: 'node-1' },
        { namespace: 'default', name: 'batch-bound', nodeName: 'node-1' },
        { namespace: 'default', name: 'batch-b', nodeName: 'node-2' },
        { namespace: 'default', name: 'batch-b', nodeName: 'node-3' },
      ],
    });
    assert.deepEqual(
      bindPods.map((r: { name: string; pod: { spec: { nodeName: string } } | null; error: { code: string } | null }) => [
        r.name,
        r.pod?.spec.nodeName ?? null,
        r.error?.code ?? null,
      ]),
      [
        ['batch-a', 'node-1', null],
        ['batch-missing', null, 'NOT_FOUND'],
        ['batch-bound', null, 'CONFLICT'],
        ['batch-b', 'node-2', null],
        ['batch-b', null, 'CONFLICT'],
      ],
    );
    assert.equal(await nodeNameOf('batch-a'), 'node-1');
    assert.equal(await nodeNameOf('batch-b'), 'node-2');
    assert.equal(await nodeNameOf('batch-bound'), 'node-z', 'a refused item leaves its pod alone');
    // One commit: the bound pods got consecutive revisions.
    const [ra, rb] = [bindPods[0].pod.metadata.resourceVersion, bindPods[3].pod.metadata.resourceVersion].map(BigInt);
    assert.equal(rb! - ra!, 1n);
  });

  test('concurrent binders of one pod: exactly one wins, the others get CONFLICT', async () => {
    await createPod('race');
    const results = await Promise.all(['n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map((node) => api.gql(BIND, { ns: 'default', name: 'race', node })));
    const winners = results.filter((r) => !r.errors);
    assert.equal(winners.length, 1);
    assert.ok(results.filter((r) => r.errors).every((r) => r.errors![0]!.extensions?.code === 'CONFLICT'));
    assert.equal(await nodeNameOf('race'), (winners[0]!.data as { bindPod: { spec: { nodeName: string } } }).bindPod.spec.nodeName);
  });
});
