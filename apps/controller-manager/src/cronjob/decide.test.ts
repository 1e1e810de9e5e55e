// Cases after Kubernetes' TestControllerV2SyncCronJob (pkg/controller/cronjob/cronjob_controllerv2_test.go):
// concurrency policy × suspend × whether a start time is due × an active Job, plus deadlines and history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCronSchedule } from '@wheelhouse/resources';
import { decideCronJob, jobNameFor, type CronJobAction, type CronJobLike, type OwnedJob } from './decide.js';

const hourly = parseCronSchedule('0 * * * ?');
// Kubernetes' fixtures: created at 10:00, the hourly schedule is due at 11:00 ("just after" is 11:01).
const justBefore = new Date('2016-05-19T10:59:00Z');
const justAfter = new Date('2016-05-19T11:01:00Z');
const cronJob = (spec: CronJobLike['spec'], status: CronJobLike['status'] = {}): CronJobLike => ({
  metadata: { name: 'mycronjob', creationTimestamp: '2016-05-19T10:00:00Z' },
  spec,
  status,
});
const runningJob: OwnedJob = { metadata: { name: 'mycronjob-old', uid: 'u-old', creationTimestamp: '2016-05-19T09:00:00Z' } };
const of = <T extends CronJobAction['type']>(a: CronJobAction[], type: T) => a.filter((x) => x.type === type) as Extract<CronJobAction, { type: T }>[];

test('TestControllerV2SyncCronJob: concurrency policy, suspend, due or not, active Job', () => {
  type Case = [string, CronJobLike['spec'], boolean, Date, { create: boolean; deleteReplace: boolean; event?: string }];
  const cases: Case[] = [
    ['never ran, not valid time, A', { concurrencyPolicy: 'Allow' }, false, justBefore, { create: false, deleteReplace: false }],
    ['never ran, is time, A', { concurrencyPolicy: 'Allow' }, false, justAfter, { create: true, deleteReplace: false }],
    ['never ran, is time, F', { concurrencyPolicy: 'Forbid' }, false, justAfter, { create: true, deleteReplace: false }],
    ['never ran, is time, R', { concurrencyPolicy: 'Replace' }, false, justAfter, { create: true, deleteReplace: false }],
    ['never ran, is time, suspended', { concurrencyPolicy: 'Allow', suspend: true }, false, justAfter, { create: false, deleteReplace: false }],
    ['still active, is time, A', { concurrencyPolicy: 'Allow' }, true, justAfter, { create: true, deleteReplace: false }],
    ['still active, is time, F', { concurrencyPolicy: 'Forbid' }, true, justAfter, { create: false, deleteReplace: false, event: 'JobAlreadyActive' }],
    ['still active, is time, R', { concurrencyPolicy: 'Replace' }, true, justAfter, { create: true, deleteReplace: true }],
    ['still active, not time, R', { concurrencyPolicy: 'Replace' }, true, justBefore, { create: false, deleteReplace: false }],
    ['never ran, is time, past deadline', { concurrencyPolicy: 'Allow', startingDeadlineSeconds: 10 }, false, justAfter, { create: false, deleteReplace: false }],
    ['never ran, is time, within deadline', { concurrencyPolicy: 'Allow', startingDeadlineSeconds: 600 }, false, justAfter, { create: true, deleteReplace: false }],
  ];
  for (const [name, spec, withActive, now, expected] of cases) {
    const actions = decideCronJob(cronJob(spec), withActive ? [runningJob] : [], hourly, now);
    const created = of(actions, 'createJob');
    assert.equal(created.length > 0, expected.create, `${name}: create`);
    if (expected.create) {
      assert.equal(created[0]!.name, jobNameFor('mycronjob', new Date('2016-05-19T11:00:00Z')), name);
      const status = of(actions, 'status')[0];
      assert.equal(status?.lastScheduleTime, '2016-05-19T11:00:00.000Z', `${name}: lastScheduleTime`);
    }
    assert.equal(
      of(actions, 'deleteJobs').some((d) => d.reason === 'Replace'),
      expected.deleteReplace,
      `${name}: replace`,
    );
    if (expected.event)
      assert.ok(
        of(actions, 'event').some((e) => e.reason === expected.event),
        `${name}: ${expected.event}`,
      );
    if (spec.suspend !== true)
      assert.equal(
        of(actions, 'requeueAt')[0]?.at.toISOString(),
        now < new Date('2016-05-19T11:00:00Z') ? '2016-05-19T11:00:00.000Z' : '2016-05-19T12:00:00.000Z',
        `${name}: next`,
      );
  }
});

test('the Job of a start time is made once: its name is derived from the time', () => {
  assert.equal(jobNameFor('mycronjob', new Date('2016-05-19T11:00:00Z')), 'mycronjob-24394260');
  const made: OwnedJob = { metadata: { name: 'mycronjob-24394260', uid: 'u1', creationTimestamp: '2016-05-19T11:00:01Z' } };
  const again = decideCronJob(cronJob({}, { lastScheduleTime: undefined }), [made], hourly, justAfter);
  assert.equal(of(again, 'createJob').length, 0);
  assert.deepEqual(of(again, 'status')[0]?.active, [{ name: 'mycronjob-24394260', uid: 'u1' }]);
  // Its status write was lost after the creation: the time is recorded now, so later syncs do not count it as missed.
  assert.equal(of(again, 'status')[0]?.lastScheduleTime, '2016-05-19T11:00:00.000Z');
});

test('too many missed start times: a warning, and the most recent time still runs', () => {
  const actions = decideCronJob(cronJob({}), [], hourly, new Date('2016-06-19T10:30:00Z'));
  assert.ok(of(actions, 'event').some((e) => e.reason === 'TooManyMissedTimes'));
  assert.equal(of(actions, 'createJob')[0]?.scheduledTime.toISOString(), '2016-06-19T10:00:00.000Z');
});

test('history limits keep the newest 3 successful and 1 failed Job; lastSuccessfulTime follows completions', () => {
  const done = (i: number, type: 'Complete' | 'Failed'): OwnedJob => ({
    metadata: { name: `j${i}`, uid: `u${i}`, creationTimestamp: `2016-05-19T0${i}:00:00Z` },
    status: { startTime: `2016-05-19T0${7 - i}:00:00Z`, completionTime: `2016-05-19T0${i}:00:30Z`, conditions: [{ type, status: 'True' }] },
  });
  const jobs = [done(1, 'Complete'), done(2, 'Complete'), done(3, 'Failed'), done(4, 'Complete'), done(5, 'Complete'), done(6, 'Failed')];
  const actions = decideCronJob(cronJob({}, { lastScheduleTime: '2016-05-19T10:00:00Z' }), jobs, hourly, justBefore);
  const history = of(actions, 'deleteJobs').find((d) => d.reason === 'History');
  // Upstream orders by status.startTime (here the reverse of the names): the earliest started go.
  assert.deepEqual(history?.jobs.map((j) => j.metadata.name).sort(), ['j5', 'j6']);
  assert.equal(of(actions, 'status')[0]?.lastSuccessfulTime, '2016-05-19T05:00:30Z');
});

test('a Job listed as active that has finished is reported once (SawCompletedJob) and leaves the active list', () => {
  const finished: OwnedJob = {
    metadata: { name: 'mycronjob-24394260', uid: 'u1', creationTimestamp: '2016-05-19T11:00:01Z' },
    status: { completionTime: '2016-05-19T11:00:30Z', conditions: [{ type: 'Complete', status: 'True' }] },
  };
  const cj = cronJob({}, { lastScheduleTime: '2016-05-19T11:00:00Z', active: [{ name: 'mycronjob-24394260', uid: 'u1' }] });
  const actions = decideCronJob(cj, [finished], hourly, new Date('2016-05-19T11:02:00Z'));
  assert.deepEqual(
    of(actions, 'event').map((e) => [e.reason, e.message]),
    [['SawCompletedJob', 'Saw completed job: mycronjob-24394260, condition: Complete']],
  );
  assert.deepEqual(of(actions, 'status')[0]?.active, []);
  assert.equal(of(actions, 'status')[0]?.lastSuccessfulTime, '2016-05-19T11:00:30Z');
  const again = decideCronJob({ ...cj, status: { ...cj.status, active: [] } }, [finished], hourly, new Date('2016-05-19T11:03:00Z'));
  assert.equal(of(again, 'event').length, 0);
});

test('a start time past startingDeadlineSeconds is skipped with a MissSchedule warning naming it (RFC1123Z)', () => {
  const actions = decideCronJob(cronJob({ startingDeadlineSeconds: 10 }), [], hourly, justAfter);
  assert.deepEqual(
    of(actions, 'event').map((e) => [e.eventType, e.reason, e.message]),
    [['Warning', 'MissSchedule', 'Missed scheduled time to start a job: Thu, 19 May 2016 11:00:00 +0000']],
  );
  assert.equal(of(actions, 'createJob').length, 0);
});

test('history cleanup: Jobs without a start time go last, ties by name', () => {
  const done = (name: string): OwnedJob => ({
    metadata: { name, uid: name, creationTimestamp: '2016-05-19T09:00:00Z' },
    status: { completionTime: '2016-05-19T09:00:30Z', conditions: [{ type: 'Complete', status: 'True' }] },
  });
  const actions = decideCronJob(cronJob({ successfulJobsHistoryLimit: 1 }, { lastScheduleTime: '2016-05-19T10:00:00Z' }), [done('b'), done('c'), done('a')], hourly, justBefore);
  assert.deepEqual(
    of(actions, 'deleteJobs')[0]?.jobs.map((j) => j.metadata.name),
    ['a', 'b'],
  );
});

test('a schedule in a time zone: 09:00 Europe/Berlin is 07:00 UTC in summer; the Job is still named by its UTC minute', () => {
  const berlin = parseCronSchedule('0 9 * * *', 'Europe/Berlin');
  const cj: CronJobLike = { metadata: { name: 'report', creationTimestamp: '2016-05-19T00:00:00Z' }, spec: {}, status: {} };
  const before = decideCronJob(cj, [], berlin, new Date('2016-05-19T06:59:00Z'));
  assert.equal(of(before, 'createJob').length, 0);
  assert.equal(of(before, 'requeueAt')[0]?.at.toISOString(), '2016-05-19T07:00:00.000Z');
  const due = decideCronJob(cj, [], berlin, new Date('2016-05-19T07:00:30Z'));
  assert.deepEqual(
    of(due, 'createJob').map((a) => [a.name, a.scheduledTime.toISOString()]),
    [[jobNameFor('report', new Date('2016-05-19T07:00:00Z')), '2016-05-19T07:00:00.000Z']],
  );
});
