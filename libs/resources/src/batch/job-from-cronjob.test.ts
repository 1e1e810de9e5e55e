import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatRfc3339In, manualJobFromCronJob, scheduledJobFromCronJob } from './job-from-cronjob.js';

const cronJob = {
  metadata: { name: 'hello', uid: 'cj-uid' },
  spec: {
    timeZone: 'Europe/Berlin',
    jobTemplate: { metadata: { labels: { app: 'hello' }, annotations: { note: 'x' } }, spec: { backoffLimit: 2, template: { spec: { restartPolicy: 'OnFailure' } } } },
  },
};

test('the controller’s Job: template labels, annotations and spec, controller reference blocking deletion, the scheduled time in the zone', () => {
  const job = scheduledJobFromCronJob(cronJob, 'hello-24394260', new Date('2016-05-19T11:00:00Z'));
  assert.deepEqual(job.metadata, {
    name: 'hello-24394260',
    labels: { app: 'hello' },
    annotations: { note: 'x', 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2016-05-19T13:00:00+02:00' },
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: 'cj-uid', controller: true, blockOwnerDeletion: true }],
  });
  assert.deepEqual(job.spec, cronJob.spec.jobTemplate.spec);
  assert.notEqual(job.spec, cronJob.spec.jobTemplate.spec);
});

test('kubectl create job --from=cronjob: instantiate=manual, the template’s annotations win, a controller reference', () => {
  const job = manualJobFromCronJob(cronJob, 'by-hand');
  assert.deepEqual(job.metadata.annotations, { 'cronjob.kubernetes.io/instantiate': 'manual', note: 'x' });
  assert.deepEqual(job.metadata.ownerReferences, [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: 'cj-uid', controller: true }]);
});

test('RFC 3339 in a zone: Z at UTC, the offset elsewhere', () => {
  assert.equal(formatRfc3339In(new Date('2016-05-19T11:00:00Z'), 'UTC'), '2016-05-19T11:00:00Z');
  assert.equal(formatRfc3339In(new Date('2016-01-19T11:00:00Z'), 'America/New_York'), '2016-01-19T06:00:00-05:00');
});
