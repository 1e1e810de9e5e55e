// kubectl's create cronjob generator (pkg/cmd/create/create_cronjob_test.go TestCreateCronJob).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cronJobObject, parseFromSource } from './cronjob.js';

const expected = (container: Record<string, unknown>, restartPolicy: string) => ({
  metadata: { name: 'my-cronjob' },
  spec: {
    schedule: '0/5 * * * ?',
    jobTemplate: { metadata: { name: 'my-cronjob' }, spec: { template: { spec: { containers: [{ name: 'my-cronjob', image: 'busybox', ...container }], restartPolicy } } } },
  },
});

test('TestCreateCronJob: image and OnFailure; image, command and Never; OnFailure when --restart is not given', () => {
  assert.deepEqual(cronJobObject('my-cronjob', { image: 'busybox', schedule: '0/5 * * * ?', restart: 'OnFailure', command: [] }), expected({}, 'OnFailure'));
  assert.deepEqual(cronJobObject('my-cronjob', { image: 'busybox', schedule: '0/5 * * * ?', restart: 'Never', command: ['date'] }), expected({ command: ['date'] }, 'Never'));
  assert.deepEqual(cronJobObject('my-cronjob', { image: 'busybox', schedule: '0/5 * * * ?', command: [] }), expected({}, 'OnFailure'));
});

test('create cronjob needs --image and --schedule, as kubectl’s Validate', () => {
  assert.throws(() => cronJobObject('c', { schedule: '* * * * *', command: [] }), /--image must be specified/);
  assert.throws(() => cronJobObject('c', { image: 'busybox', command: [] }), /--schedule must be specified/);
});

test('--from=TYPE/NAME', () => {
  assert.deepEqual(parseFromSource('cronjob/hello'), { kind: 'cronjob', name: 'hello' });
  assert.deepEqual(parseFromSource('cj/hello'), { kind: 'cj', name: 'hello' });
  assert.throws(() => parseFromSource('hello'), /--from must be of the form TYPE\/NAME/);
});
