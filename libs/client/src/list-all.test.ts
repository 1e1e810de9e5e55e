import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WheelhouseClient } from './client.js';
import { listAll } from './list-all.js';
import { startFakeApi, type FakeApi } from './testing/fake-api.js';
import type { FakePod } from './testing/fake-store.js';

let api: FakeApi;
let client: WheelhouseClient;
before(async () => {
  api = await startFakeApi();
  client = new WheelhouseClient({ server: api.url });
  for (let i = 0; i < 7; i++) api.store.create('default', `pod-${i}`, { app: i % 2 ? 'odd' : 'even' });
  api.store.create('other', 'elsewhere');
});
after(async () => {
  client.close();
  await api.close();
});

test('pages with limit/continue and returns the first page’s resourceVersion', async () => {
  const firstRevision = String(api.store.revision);
  // A write between pages moves the global revision; the list stays pinned to the first.
  api.beforeListPage = (offset) => offset > 0 && api.store.touchOtherKind();
  const sentBefore = api.requests.length;

  const { items, resourceVersion } = await listAll<FakePod>(client, {
    plural: 'pods',
    fields: 'metadata { name namespace }',
    namespace: 'default',
    pageSize: 3,
  });

  api.beforeListPage = undefined;
  assert.deepEqual(
    items.map((p) => p.metadata.name),
    ['pod-0', 'pod-1', 'pod-2', 'pod-3', 'pod-4', 'pod-5', 'pod-6'],
  );
  assert.equal(resourceVersion, firstRevision);
  const pages = api.requests.slice(sentBefore);
  assert.equal(pages.length, 3);
  assert.deepEqual(
    pages.map((p) => p.body.variables),
    [
      { namespace: 'default', limit: 3, continue: null },
      { namespace: 'default', limit: 3, continue: `${firstRevision}:3` },
      { namespace: 'default', limit: 3, continue: `${firstRevision}:6` },
    ],
  );
  // One document for every page: values only ever travel as variables.
  assert.equal(new Set(pages.map((p) => p.body.query)).size, 1);
});

test('omits arguments that are not used, so cluster-scoped kinds without `namespace` work', async () => {
  const { items } = await listAll<FakePod>(client, { plural: 'pods', fields: 'metadata { name }', labelSelector: 'app=odd' });
  assert.deepEqual(
    items.map((p) => p.metadata.name),
    ['pod-1', 'pod-3', 'pod-5'],
  );
  const { query, variables } = api.requests.at(-1)!.body;
  assert.doesNotMatch(query, /namespace/);
  assert.deepEqual(variables, { labelSelector: 'app=odd', limit: 500, continue: null });
});

test('lists every namespace when none is given', async () => {
  const { items } = await listAll<FakePod>(client, { plural: 'pods', fields: 'metadata { name namespace }' });
  assert.equal(items.length, 8);
});
