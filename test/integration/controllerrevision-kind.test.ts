// apps/v1 ControllerRevision through the real API and PostgreSQL: data and revision next to
// metadata, Kubernetes validation with field paths, data immutable on update.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => api?.close());

const CR = 'metadata { name resourceVersion } data revision';
const CREATE = `mutation($input: ControllerRevisionInput!) { createControllerRevision(input: $input) { ${CR} } }`;
const REPLACE = `mutation($input: ControllerRevisionInput!) { replaceControllerRevision(name: "imm", input: $input) { ${CR} } }`;
const data = (image: string) => ({ spec: { template: { $patch: 'replace', spec: { containers: [{ name: 'c', image }] } } } });

test('a ControllerRevision is stored and listed with its data and revision', async () => {
  const { createControllerRevision } = await api.ok(CREATE, { input: { metadata: { name: 'ds-abc' }, data: data('nginx:1'), revision: 1 } });
  assert.deepEqual(createControllerRevision.data, data('nginx:1'));
  assert.equal(createControllerRevision.revision, 1);
  const { controllerRevisions } = await api.ok(`query { controllerRevisions(namespace: "default") { items { ${CR} } } }`);
  assert.deepEqual(
    controllerRevisions.items.map((r: { metadata: { name: string }; revision: number }) => [r.metadata.name, r.revision]),
    [['ds-abc', 1]],
  );
});

test('data is mandatory and revision is a non-negative number, with field paths', async () => {
  const missing = await api.gql(CREATE, { input: { metadata: { name: 'no-data' }, revision: 1 } });
  assert.equal(missing.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.equal(missing.errors?.[0]?.extensions?.field, 'data');
  assert.match(missing.errors?.[0]?.message ?? '', /data: Required value: data is mandatory/);
  const negative = await api.gql(CREATE, { input: { metadata: { name: 'negative' }, data: data('x'), revision: -1 } });
  assert.equal(negative.errors?.[0]?.extensions?.field, 'revision');
  assert.match(negative.errors?.[0]?.message ?? '', /revision: Invalid value: -1: must be greater than or equal to 0/);
});

test('data is immutable; the revision number may change (as a rollback renumbers it)', async () => {
  await api.ok(CREATE, { input: { metadata: { name: 'imm' }, data: data('nginx:1'), revision: 1 } });
  const changed = await api.gql(REPLACE, { input: { metadata: { name: 'imm' }, data: data('nginx:2'), revision: 1 } });
  assert.equal(changed.errors?.[0]?.extensions?.field, 'data');
  assert.match(changed.errors?.[0]?.message ?? '', /data: Invalid value: .*: field is immutable/);
  const { replaceControllerRevision } = await api.ok(REPLACE, { input: { metadata: { name: 'imm' }, data: data('nginx:1'), revision: 3 } });
  assert.equal(replaceControllerRevision.revision, 3);
});
