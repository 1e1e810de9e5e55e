import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, TEST_TOKEN, type TestApi } from '../support/api.js';

// Issue 14, point 7: inputs that were INTERNAL errors (500s), silently ignored, or echoed
// back whole. Each is a clear BAD_USER_INPUT naming the field, or Kubernetes' answer.

let api: TestApi;
before(async () => {
  api = await startTestApi();
  await api.ok('mutation { createNamespace(input: { metadata: { name: "input" } }) { metadata { name } } }');
  await api.ok('mutation { createPod(namespace: "input", input: { metadata: { name: "p" }, spec: { containers: [{ name: "a", image: "busybox" }] } }) { metadata { name } } }');
});
after(async () => {
  await api?.close();
});

const PATCH_NS = 'mutation($patch: JSONObject!) { patchNamespace(name: "input", patch: $patch) { metadata { name uid annotations } } }';
const errorOf = (result: { errors?: { message: string; extensions?: { code?: string; field?: string } }[] }) => result.errors?.[0];

test('a YAML alias bomb is BAD_USER_INPUT on manifest, not INTERNAL', async () => {
  const bomb = [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    ...Array.from(
      { length: 9 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
    ),
  ].join('\n');
  const error = errorOf(await api.gql('mutation($m: String!) { apply(manifest: $m) { objects { name } } }', { m: bomb }));
  assert.equal(error?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(error));
  assert.equal(error?.extensions?.field, 'manifest');
});

test('a merge patch nested 100,000 deep is BAD_USER_INPUT on patch, not INTERNAL', async () => {
  const depth = 100_000;
  const body = `{"query":${JSON.stringify(PATCH_NS)},"variables":{"patch":{"metadata":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}}`;
  const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}` }, body });
  const error = errorOf((await res.json()) as never);
  assert.equal(error?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(error));
  assert.match(error!.message, /nested more than \d+ levels deep/);
});

test('NUL bytes and lone surrogates in strings are BAD_USER_INPUT naming the field, not a PostgreSQL 22P05', async () => {
  for (const value of ['a\u0000b', 'lone \ud800 surrogate']) {
    const error = errorOf(await api.gql(PATCH_NS, { patch: { metadata: { annotations: { note: value } } } }));
    assert.equal(error?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(error));
    assert.equal(error?.extensions?.field, 'metadata.annotations[note]');
  }
  const error = errorOf(await api.gql(PATCH_NS, { patch: { metadata: { labels: { 'k\u0000': 'v' } } } }));
  assert.equal(error?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(error));
  assert.equal(error?.extensions?.field, 'metadata.labels');
});

test('a forged continue token with a huge revision is BAD_USER_INPUT on continue', async () => {
  for (const revision of ['99999999999999999999999999', '9223372036854775806']) {
    const token = Buffer.from(JSON.stringify([revision, '', 'a'])).toString('base64url');
    const error = errorOf(await api.gql('query($c: String) { namespaces(limit: 1, continue: $c) { items { metadata { name } } } }', { c: token }));
    assert.equal(error?.extensions?.code, 'BAD_USER_INPUT', `${revision}: ${JSON.stringify(error)}`);
    assert.equal(error?.extensions?.field, 'continue');
  }
});

test('a garbage resourceVersion precondition is BAD_USER_INPUT (Kubernetes answers 400), not CONFLICT', async () => {
  const patch = errorOf(await api.gql(PATCH_NS, { patch: { metadata: { resourceVersion: 'garbage' } } }));
  assert.equal(patch?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(patch));
  assert.equal(patch?.extensions?.field, 'metadata.resourceVersion');
  const del = errorOf(await api.gql('mutation { deletePod(namespace: "input", name: "p", resourceVersion: "x1") { metadata { name } } }'));
  assert.equal(del?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(del));
  assert.equal(del?.extensions?.field, 'resourceVersion');
  // A well-formed but stale one is still CONFLICT.
  const stale = errorOf(await api.gql(PATCH_NS, { patch: { metadata: { resourceVersion: '1' } } }));
  assert.equal(stale?.extensions?.code, 'CONFLICT');
});

test('a change of metadata.uid is refused with 409 CONFLICT and the precondition message, as Kubernetes does', async () => {
  const { namespace } = await api.ok('{ namespace(name: "input") { metadata { uid } } }');
  const uid = namespace.metadata.uid as string;
  const other = '00000000-0000-4000-8000-000000000000';
  const error = errorOf(await api.gql(PATCH_NS, { patch: { metadata: { uid: other } } }));
  assert.equal(error?.extensions?.code, 'CONFLICT', JSON.stringify(error));
  assert.equal(error?.message, `Operation cannot be fulfilled on namespaces "input": Precondition failed: UID in precondition: ${other}, UID in object meta: ${uid}`);
  const replace = errorOf(
    await api.gql('mutation($input: NamespaceInput!) { replaceNamespace(name: "input", input: $input) { metadata { uid } } }', {
      input: { metadata: { name: 'input', uid: other } },
    }),
  );
  assert.equal(replace?.extensions?.code, 'CONFLICT', JSON.stringify(replace));
  // The same uid is fine.
  assert.equal((await api.ok(PATCH_NS, { patch: { metadata: { uid } } })).patchNamespace.metadata.uid, uid);
});

test('error messages never echo a huge input back', async () => {
  const huge = 'x'.repeat(1_000_000);
  const result = await api.gql('mutation($name: String!) { createNamespace(input: { metadata: { name: $name } }) { metadata { name } } }', { name: huge });
  const error = errorOf(result);
  assert.equal(error?.extensions?.code, 'BAD_USER_INPUT');
  assert.ok(error!.message.length < 2_000, `the message has ${error!.message.length} characters`);
  assert.ok(JSON.stringify(result).length < 4_000);
});
