// apps/v1 DaemonSet through the real API and PostgreSQL: Kubernetes defaults, validation errors
// with field paths, the immutable selector, the template generation annotation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => api?.close());

const DS = `metadata { name generation annotations } spec { revisionHistoryLimit minReadySeconds updateStrategy { type rollingUpdate { maxUnavailable maxSurge } }
  selector { matchLabels } template { metadata { labels } spec { restartPolicy containers { name image } } } }`;
const CREATE = `mutation($input: DaemonSetInput!) { createDaemonSet(input: $input) { ${DS} } }`;
const REPLACE = `mutation($name: String!, $input: DaemonSetInput!) { replaceDaemonSet(name: $name, input: $input) { ${DS} } }`;
const daemonSet = (name: string, spec: Record<string, unknown> = {}, image = 'fluentd:v1') => ({
  metadata: { name },
  spec: {
    selector: { matchLabels: { name } },
    template: { metadata: { labels: { name } }, spec: { containers: [{ name: 'fluentd', image }] } },
    ...spec,
  },
});

test('a DaemonSet gets RollingUpdate 1/0, ten revisions of history and template generation 1', async () => {
  const { createDaemonSet } = await api.ok(CREATE, { input: daemonSet('logs') });
  assert.deepEqual(createDaemonSet.spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  assert.equal(createDaemonSet.spec.revisionHistoryLimit, 10);
  assert.equal(createDaemonSet.spec.template.spec.restartPolicy, 'Always');
  assert.equal(createDaemonSet.metadata.annotations['deprecated.daemonset.template.generation'], '1');
  const { daemonSets } = await api.ok(`query { daemonSets(namespace: "default") { items { metadata { name } } } }`);
  assert.deepEqual(
    daemonSets.items.map((d: { metadata: { name: string } }) => d.metadata.name),
    ['logs'],
  );
});

test('a template change bumps the template generation; a strategy change does not', async () => {
  await api.ok(CREATE, { input: daemonSet('gen') });
  const strategy = await api.ok(REPLACE, { name: 'gen', input: daemonSet('gen', { updateStrategy: { type: 'OnDelete' } }) });
  assert.equal(strategy.replaceDaemonSet.metadata.annotations['deprecated.daemonset.template.generation'], '1');
  const image = await api.ok(REPLACE, { name: 'gen', input: daemonSet('gen', { updateStrategy: { type: 'OnDelete' } }, 'fluentd:v2') });
  assert.equal(image.replaceDaemonSet.metadata.annotations['deprecated.daemonset.template.generation'], '2');
  assert.equal(image.replaceDaemonSet.metadata.generation, 3);
});

test('a selector that does not match the template is refused with the field path; nothing is written', async () => {
  const input = daemonSet('mismatch', { selector: { matchLabels: { name: 'other' } } });
  const result = await api.gql(CREATE, { input });
  assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.equal(result.errors?.[0]?.extensions?.field, 'spec.template.metadata.labels');
  assert.match(result.errors?.[0]?.message ?? '', /DaemonSet "mismatch" is invalid: spec.template.metadata.labels: Invalid value: .*`selector` does not match template `labels`/);
  const { daemonSet: stored } = await api.ok(`query { daemonSet(name: "mismatch") { metadata { name } } }`);
  assert.equal(stored, null);
});

test('maxSurge and maxUnavailable may not both be non-zero; restartPolicy must be Always', async () => {
  const both = await api.gql(CREATE, { input: daemonSet('both', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } } }) });
  assert.equal(both.errors?.[0]?.extensions?.field, 'spec.updateStrategy.rollingUpdate.maxSurge');
  assert.match(both.errors?.[0]?.message ?? '', /may not be set when maxUnavailable is non-zero/);
  const input = daemonSet('never');
  (input.spec.template.spec as Record<string, unknown>).restartPolicy = 'Never';
  const never = await api.gql(CREATE, { input });
  assert.equal(never.errors?.[0]?.extensions?.field, 'spec.template.spec.restartPolicy');
  assert.match(never.errors?.[0]?.message ?? '', /Unsupported value: "Never": supported values: "Always"/);
});

test('the selector is immutable', async () => {
  await api.ok(CREATE, { input: daemonSet('sel') });
  const changed = daemonSet('sel', { selector: { matchLabels: { name: 'sel', tier: 'x' } } });
  (changed.spec.template.metadata.labels as Record<string, string>).tier = 'x';
  const result = await api.gql(REPLACE, { name: 'sel', input: changed });
  assert.equal(result.errors?.[0]?.extensions?.field, 'spec.selector');
  assert.match(result.errors?.[0]?.message ?? '', /spec.selector: Invalid value: .*: field is immutable/);
});
