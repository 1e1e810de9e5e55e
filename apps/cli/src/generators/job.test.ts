// kubectl's create job generator (pkg/cmd/create/create_job_test.go TestCreateJob).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jobObject } from './job.js';

test('create job: a container named after the Job, restartPolicy Never, the command after --', () => {
  assert.deepEqual(jobObject('my-job', { image: 'busybox', command: [] }), {
    metadata: { name: 'my-job' },
    spec: { template: { spec: { containers: [{ name: 'my-job', image: 'busybox' }], restartPolicy: 'Never' } } },
  });
  assert.deepEqual(jobObject('my-job', { image: 'busybox', command: ['date'] }), {
    metadata: { name: 'my-job' },
    spec: { template: { spec: { containers: [{ name: 'my-job', image: 'busybox', command: ['date'] }], restartPolicy: 'Never' } } },
  });
  assert.throws(() => jobObject('my-job', { command: [] }), /either --image or --from must be specified/);
});
