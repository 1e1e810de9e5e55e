import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CronJob } from '@wheelhouse/model';
import { CronJobKind, triggeredJob } from './cronjob.ts';
import { suspendDocument, triggerDocument } from './documents.ts';

const hello: CronJob = {
  metadata: { name: 'hello', namespace: 'team', uid: 'cj-uid' },
  spec: {
    schedule: '* * * * *',
    jobTemplate: { metadata: { labels: { app: 'hello' } }, spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox:1.28' }] } } } },
  },
};

test('trigger now: the template’s Job, owned by the CronJob, instantiate=manual, named <cronjob>-manual-xxx', () => {
  const job = triggeredJob(hello, () => 0);
  assert.equal(job.metadata.name, 'hello-manual-bbb');
  assert.deepEqual(job.metadata.labels, { app: 'hello' });
  assert.equal(job.metadata.annotations['cronjob.kubernetes.io/instantiate'], 'manual');
  assert.deepEqual(job.metadata.ownerReferences, [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: 'cj-uid', controller: true }]);
  assert.deepEqual(job.spec, hello.spec?.jobTemplate?.spec);
  assert.match(triggeredJob(hello).metadata.name, /^hello-manual-[b-z2-9]{3}$/);
});

test('the CronJob list’s actions: patchCronJob for suspend/resume, createJob in the namespace for trigger', () => {
  assert.match(suspendDocument(CronJobKind) ?? '', /patchCronJob\(.*name: \$name.*\)/s);
  assert.match(suspendDocument(CronJobKind) ?? '', /\$patch: JSONObject!/);
  assert.match(triggerDocument(CronJobKind) ?? '', /createJob\(.*input: \$input/s);
  assert.match(triggerDocument(CronJobKind) ?? '', /\$namespace: String/);
});
