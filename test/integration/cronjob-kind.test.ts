// batch/v1 CronJob through the real API and PostgreSQL: the documentation's hello CronJob
// with Kubernetes defaults, validation errors with their field paths, `cj` in kind lookups.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => api?.close());

const CRONJOB = `metadata { name } spec { schedule timeZone concurrencyPolicy suspend successfulJobsHistoryLimit failedJobsHistoryLimit
  jobTemplate { spec { template { spec { restartPolicy terminationGracePeriodSeconds containers { name image command } } } } } }`;
const CREATE = `mutation($input: CronJobInput!) { createCronJob(input: $input) { ${CRONJOB} } }`;
/** The Kubernetes documentation's hello CronJob (application/job/cronjob.yaml). */
const hello = (name = 'hello', spec: Record<string, unknown> = {}) => ({
  metadata: { name },
  spec: {
    schedule: '* * * * *',
    jobTemplate: {
      spec: {
        template: {
          spec: {
            containers: [{ name: 'hello', image: 'busybox:1.28', imagePullPolicy: 'IfNotPresent', command: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'] }],
            restartPolicy: 'OnFailure',
          },
        },
      },
    },
    ...spec,
  },
});

test('the hello CronJob is created with Kubernetes defaults', async () => {
  const { createCronJob } = await api.ok(CREATE, { input: hello() });
  assert.equal(createCronJob.spec.schedule, '* * * * *');
  assert.equal(createCronJob.spec.concurrencyPolicy, 'Allow');
  assert.equal(createCronJob.spec.suspend, false);
  assert.equal(createCronJob.spec.successfulJobsHistoryLimit, 3);
  assert.equal(createCronJob.spec.failedJobsHistoryLimit, 1);
  assert.equal(createCronJob.spec.jobTemplate.spec.template.spec.terminationGracePeriodSeconds, 30);
  const { cronJobs } = await api.ok(`query { cronJobs(namespace: "default") { items { metadata { name } } } }`);
  assert.deepEqual(
    cronJobs.items.map((c: { metadata: { name: string } }) => c.metadata.name),
    ['hello'],
  );
});

test('a schedule that does not parse is refused with the field path and the parser’s reason; nothing is written', async () => {
  const result = await api.gql(CREATE, { input: hello('bad', { schedule: '61 * * * *' }) });
  const error = result.errors?.[0];
  assert.equal(error?.extensions?.code, 'BAD_USER_INPUT');
  assert.equal(error?.extensions?.field, 'spec.schedule');
  assert.match(error?.message ?? '', /CronJob "bad" is invalid: spec.schedule: Invalid value: "61 \* \* \* \*"/);
  const { cronJob } = await api.ok(`query { cronJob(name: "bad") { metadata { name } } }`);
  assert.equal(cronJob, null);
});

test('TZ in the schedule, an unknown timeZone and a name over 52 characters are refused as upstream', async () => {
  const tz = await api.gql(CREATE, { input: hello('tz', { schedule: 'CRON_TZ=Europe/Berlin 0 * * * *' }) });
  assert.match(tz.errors?.[0]?.message ?? '', /cannot use TZ or CRON_TZ in schedule, use timeZone field instead/);
  const zone = await api.gql(CREATE, { input: hello('zone', { timeZone: 'Mars/Olympus' }) });
  assert.equal(zone.errors?.[0]?.extensions?.field, 'spec.timeZone');
  assert.match(zone.errors?.[0]?.message ?? '', /unknown time zone Mars\/Olympus/);
  const long = await api.gql(CREATE, { input: hello('x'.repeat(53)) });
  assert.match(long.errors?.[0]?.message ?? '', /metadata.name: Invalid value: "x{53}": must be no more than 52 characters/);
  const policy = await api.gql(CREATE, { input: hello('policy', { concurrencyPolicy: 'Sometimes' }) });
  assert.match(policy.errors?.[0]?.message ?? '', /spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"/);
});

test('a valid timeZone is kept; suspend can be patched', async () => {
  await api.ok(CREATE, { input: hello('berlin', { timeZone: 'Europe/Berlin', schedule: '30 6 * * 1-5' }) });
  const { patchCronJob } = await api.ok(`mutation { patchCronJob(name: "berlin", patch: { spec: { suspend: true } }) { spec { suspend timeZone } } }`);
  assert.deepEqual(patchCronJob.spec, { suspend: true, timeZone: 'Europe/Berlin' });
  const bad = await api.gql(`mutation { patchCronJob(name: "berlin", patch: { spec: { schedule: "0 25 * * *", concurrencyPolicy: "Never" } }) { metadata { name } } }`);
  assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  // Each problem once: the update is checked by the same rules as a create, not twice.
  assert.equal(bad.errors?.[0]?.message.match(/spec.schedule/g)?.length, 1, bad.errors?.[0]?.message);
  assert.match(bad.errors?.[0]?.message ?? '', /spec.concurrencyPolicy: Unsupported value: "Never"/);
});
