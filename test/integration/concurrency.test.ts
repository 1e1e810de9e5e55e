import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, podInput, type TestApi } from '../support/api.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
  await api.ok(`mutation($input: PodInput!) { createPod(input: $input) { metadata { name } } }`, { input: podInput('contended') });
});
after(async () => api?.close());

const READ = `query { pod(name: "contended") { metadata { resourceVersion annotations } } }`;
const WRITE = `mutation($patch: JSONObject!) { patchPod(name: "contended", patch: $patch) { metadata { resourceVersion } } }`;

test('50 writers from the same resourceVersion: exactly one wins each round, the rest get CONFLICT', async () => {
  for (let round = 0; round < 3; round++) {
    const { pod } = await api.ok(READ);
    const rv = pod.metadata.resourceVersion;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => api.gql(WRITE, { patch: { metadata: { resourceVersion: rv, annotations: { writer: `${round}-${i}` } } } })),
    );
    const wins = results.filter((r) => !r.errors);
    const conflicts = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    assert.equal(wins.length, 1, `round ${round}: one winner`);
    assert.equal(conflicts.length, 49, `round ${round}: 49 conflicts`);
  }
});

test('20 writers x 25 increments with retry on CONFLICT end at exactly 500', async () => {
  await api.ok(WRITE, { patch: { metadata: { annotations: { counter: '0' } } } });
  const increment = async () => {
    for (;;) {
      const { pod } = await api.ok(READ);
      const next = Number(pod.metadata.annotations.counter) + 1;
      const result = await api.gql(WRITE, { patch: { metadata: { resourceVersion: pod.metadata.resourceVersion, annotations: { counter: String(next) } } } });
      if (!result.errors) return;
      assert.equal(result.errors[0]?.extensions?.code, 'CONFLICT');
    }
  };
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let i = 0; i < 25; i++) await increment();
    }),
  );
  const { pod } = await api.ok(READ);
  assert.equal(pod.metadata.annotations.counter, '500');
});

test('patches without a precondition never lose an update', async () => {
  await Promise.all(Array.from({ length: 40 }, (_, i) => api.ok(WRITE, { patch: { metadata: { labels: { [`l${i}`]: 'x' } } } })));
  const { pod } = await api.ok(`query { pod(name: "contended") { metadata { labels } } }`);
  for (let i = 0; i < 40; i++) assert.equal(pod.metadata.labels[`l${i}`], 'x', `label l${i}`);
});
