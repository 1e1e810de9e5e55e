// `wh create cronjob`, `wh get cronjobs` and `wh create job --from=cronjob/NAME` through the
// real CLI and API (no controller: the CronJob never fires, the Jobs stay unstarted).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { whRunner } from '../support/wh.js';

let api: TestApi;
let wh: ReturnType<typeof whRunner>;
before(async () => {
  api = await startTestApi();
  wh = whRunner(api.url);
});
after(async () => {
  await wh?.stopAll();
  await api?.close();
});

test('wh create cronjob NAME --image --schedule -- COMMAND makes kubectl’s CronJob; wh get cronjobs prints its columns', async () => {
  const created = await wh.run(['create', 'cronjob', 'hello', '--image=busybox:1.28', '--schedule=*/1 * * * *', '--', 'date']);
  assert.equal(created.code, 0, created.stderr);
  assert.equal(created.stdout, 'cronjob.batch/hello created\n');
  const { cronJob } = await api.ok(
    `query { cronJob(name: "hello") { spec { schedule concurrencyPolicy suspend jobTemplate { metadata { name } spec { template { spec { restartPolicy containers { name image command } } } } } } } }`,
  );
  assert.equal(cronJob.spec.schedule, '*/1 * * * *');
  assert.deepEqual([cronJob.spec.concurrencyPolicy, cronJob.spec.suspend], ['Allow', false]);
  assert.equal(cronJob.spec.jobTemplate.metadata.name, 'hello');
  assert.deepEqual(cronJob.spec.jobTemplate.spec.template.spec.containers, [{ name: 'hello', image: 'busybox:1.28', command: ['date'] }]);
  assert.equal(cronJob.spec.jobTemplate.spec.template.spec.restartPolicy, 'OnFailure');

  const never = await wh.run(['create', 'cj', 'nightly', '--image=busybox', '--schedule=@daily', '--restart=Never']);
  assert.equal(never.code, 0, never.stderr);
  const listed = await wh.run(['get', 'cronjobs']);
  assert.equal(listed.code, 0, listed.stderr);
  const [header, ...rows] = listed.stdout.trimEnd().split('\n');
  assert.deepEqual(header!.split(/\s{2,}/), ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE']);
  assert.match(rows[0]!, /^hello\s+\*\/1 \* \* \* \*\s+<none>\s+False\s+0\s+<none>\s+\d+s$/);
  assert.match(rows[1]!, /^nightly\s+@daily\s+<none>\s+False\s+0\s+<none>\s+\d+s$/);
  const wide = await wh.run(['get', 'cj', 'hello', '-o', 'wide']);
  assert.match(wide.stdout.trimEnd().split('\n')[1]!, /\s+hello\s+busybox:1\.28\s+<none>$/);

  const described = await wh.run(['describe', 'cronjob', 'hello']);
  assert.equal(described.code, 0, described.stderr);
  assert.match(described.stdout, /^Schedule:\s+\*\/1 \* \* \* \*$/m);
  assert.match(described.stdout, /^Concurrency Policy:\s+Allow$/m);
  assert.match(described.stdout, /^Last Schedule Time:\s+<unset>$/m);
  assert.match(described.stdout, /^Active Jobs:\s+<none>$/m);

  const noSchedule = await wh.run(['create', 'cronjob', 'x', '--image=busybox']);
  assert.notEqual(noSchedule.code, 0);
  assert.match(noSchedule.stderr, /--schedule must be specified/);
  const badSchedule = await wh.run(['create', 'cronjob', 'y', '--image=busybox', '--schedule=61 * * * *']);
  assert.notEqual(badSchedule.code, 0);
  assert.match(badSchedule.stderr, /Error from server \(Invalid\): CronJob "y" is invalid: spec.schedule: Invalid value: "61 \* \* \* \*"/);
});

test('wh create job NAME --from=cronjob/CJ: the template as a Job owned by the CronJob, instantiate=manual', async () => {
  const made = await wh.run(['create', 'cronjob', 'report', '--image=busybox', '--schedule=0 6 * * *', '--', 'echo', 'report']);
  assert.equal(made.code, 0, made.stderr);
  const created = await wh.run(['create', 'job', 'report-now', '--from=cronjob/report']);
  assert.equal(created.code, 0, created.stderr);
  assert.equal(created.stdout, 'job.batch/report-now created\n');
  const { cronJob } = await api.ok(`query { cronJob(name: "report") { metadata { uid } } }`);
  const { job } = await api.ok(
    `query { job(name: "report-now") { metadata { annotations ownerReferences { apiVersion kind name uid controller } } spec { template { spec { restartPolicy containers { name image command } } } } } }`,
  );
  assert.equal(job.metadata.annotations['cronjob.kubernetes.io/instantiate'], 'manual');
  assert.deepEqual(job.metadata.ownerReferences, [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'report', uid: cronJob.metadata.uid, controller: true }]);
  assert.deepEqual(job.spec.template.spec.containers, [{ name: 'report', image: 'busybox', command: ['echo', 'report'] }]);
  assert.equal(job.spec.template.spec.restartPolicy, 'OnFailure');

  const missing = await wh.run(['create', 'job', 'other', '--from=cj/nothere']);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /Error from server \(NotFound\): cronjobs.batch "nothere" not found/);
  const notCron = await wh.run(['create', 'job', 'other', '--from=deployment/web']);
  assert.match(notCron.stderr, /unknown object type Deployment/);
  const both = await wh.run(['create', 'job', 'other', '--from=cronjob/report', '--', 'date']);
  assert.match(both.stderr, /cannot specify --from and command/);
});
