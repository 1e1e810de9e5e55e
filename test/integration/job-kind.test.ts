// batch/v1 Job through the real API and PostgreSQL: defaults, the generated selector and labels,
// Kubernetes validation errors with their field paths, immutable fields on update.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => api?.close());

const JOB = `metadata { name uid labels } spec { completions parallelism backoffLimit completionMode suspend manualSelector podReplacementPolicy
  selector { matchLabels } template { metadata { labels } spec { restartPolicy containers { name image } } } } status { active succeeded }`;
const CREATE = `mutation($input: JobInput!) { createJob(input: $input) { ${JOB} } }`;
/** The Kubernetes documentation's pi Job. */
const pi = (name = 'pi', spec: Record<string, unknown> = {}) => ({
  metadata: { name },
  spec: {
    backoffLimit: 4,
    template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }] } },
    ...spec,
  },
});

test('the pi Job is created with Kubernetes defaults and a selector on its own uid', async () => {
  const { createJob } = await api.ok(CREATE, { input: pi() });
  const uid = createJob.metadata.uid;
  const generated = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' };
  assert.deepEqual(createJob.spec.selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
  assert.deepEqual(createJob.spec.template.metadata.labels, generated);
  assert.deepEqual(createJob.metadata.labels, generated);
  assert.equal(createJob.spec.completions, 1);
  assert.equal(createJob.spec.parallelism, 1);
  assert.equal(createJob.spec.backoffLimit, 4);
  assert.equal(createJob.spec.completionMode, 'NonIndexed');
  assert.equal(createJob.spec.suspend, false);
  assert.equal(createJob.spec.podReplacementPolicy, 'TerminatingOrFailed');
  const { jobs } = await api.ok(`query { jobs(namespace: "default", labelSelector: "job-name=pi") { items { metadata { name } } } }`);
  assert.deepEqual(
    jobs.items.map((j: { metadata: { name: string } }) => j.metadata.name),
    ['pi'],
  );
});

test('restartPolicy Always (the pod default) is refused with the field path; nothing is written', async () => {
  const input = pi('always');
  (input.spec.template as { spec: Record<string, unknown> }).spec.restartPolicy = undefined;
  const result = await api.gql(CREATE, { input });
  const error = result.errors?.[0];
  assert.equal(error?.extensions?.code, 'BAD_USER_INPUT');
  assert.equal(error?.extensions?.field, 'spec.template.spec.restartPolicy');
  assert.match(error?.message ?? '', /Job "always" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"/);
  const { job } = await api.ok(`query { job(name: "always") { metadata { name } } }`);
  assert.equal(job, null);
});

test('a selector of its own needs manualSelector', async () => {
  const result = await api.gql(CREATE, {
    input: pi('own', { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: pi().spec.template.spec } }),
  });
  assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(result.errors?.[0]?.message ?? '', /spec.selector: Invalid value: .*`selector` not auto-generated/);
  const manual = await api.ok(CREATE, {
    input: pi('manual', { manualSelector: true, selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: pi().spec.template.spec } }),
  });
  assert.deepEqual(manual.createJob.spec.template.metadata.labels, { app: 'x' });
});

test('completions and the template are immutable; parallelism may change', async () => {
  await api.ok(CREATE, { input: pi('fixed', { completions: 3, parallelism: 1 }) });
  const scaled = await api.ok(`mutation { patchJob(name: "fixed", patch: { spec: { parallelism: 2 } }) { spec { parallelism } } }`);
  assert.equal(scaled.patchJob.spec.parallelism, 2);
  const result = await api.gql(`mutation { patchJob(name: "fixed", patch: { spec: { completions: 5 } }) { spec { completions } } }`);
  assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(result.errors?.[0]?.message ?? '', /spec.completions: Invalid value: 5: field is immutable/);
});

test('fields the Job controller does not act on yet are refused, not ignored', async () => {
  const result = await api.gql(CREATE, { input: pi('per-index', { completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1 }) });
  assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(result.errors?.[0]?.message ?? '', /spec.backoffLimitPerIndex: Forbidden: is not supported by this cluster.s Job controller yet/);
});
