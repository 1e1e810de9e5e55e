import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, podInput, type TestApi } from '../support/api.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
  await api.ok(`mutation { createNamespace(input: { metadata: { name: "pages" } }) { metadata { name } } }`);
  for (let i = 0; i < 60; i++) {
    await api.ok(`mutation($input: PodInput!) { createPod(namespace: "pages", input: $input) { metadata { name } } }`, {
      input: podInput(`p-${String(i).padStart(3, '0')}`, { labels: { parity: i % 2 ? 'odd' : 'even' } }),
    });
  }
});
after(async () => api?.close());

const LIST = `query($c: String, $sel: String) { pods(namespace: "pages", limit: 7, continue: $c, labelSelector: $sel) { metadata { resourceVersion continue } items { metadata { name labels } } } }`;

test('paging while writes happen serves the first page snapshot: nothing twice, nothing missed', async () => {
  const names: string[] = [];
  let token: string | undefined;
  let listVersion: string | undefined;
  let page = 0;
  do {
    const { pods } = await api.ok(LIST, { c: token });
    listVersion ??= pods.metadata.resourceVersion;
    assert.equal(pods.metadata.resourceVersion, listVersion, 'every page is at the first page revision');
    names.push(...pods.items.map((p: any) => p.metadata.name));
    // Writes between pages: delete one not yet served, add one, relabel one.
    if (page === 1) {
      await api.ok(`mutation { deletePod(namespace: "pages", name: "p-050") { metadata { name } } }`);
      await api.ok(`mutation($input: PodInput!) { createPod(namespace: "pages", input: $input) { metadata { name } } }`, { input: podInput('p-0305') });
      await api.ok(`mutation { patchPod(namespace: "pages", name: "p-040", patch: { metadata: { labels: { parity: "changed" } } }) { metadata { name } } }`);
    }
    token = pods.metadata.continue ?? undefined;
    page++;
  } while (token);
  assert.deepEqual(
    names,
    Array.from({ length: 60 }, (_, i) => `p-${String(i).padStart(3, '0')}`),
  );
});

test('paging with a label selector', async () => {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const { pods } = await api.ok(LIST, { c: token, sel: 'parity=odd' });
    names.push(...pods.items.map((p: any) => p.metadata.name));
    token = pods.metadata.continue ?? undefined;
  } while (token);
  assert.equal(names.length, 30);
  assert.ok(names.every((n) => Number(n.slice(2)) % 2 === 1));
});

test('a malformed continue token is BAD_USER_INPUT', async () => {
  const result = await api.gql(LIST, { c: 'garbage' });
  assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
});
