// After Kubernetes' TestMostRecentScheduleTime (pkg/controller/cronjob/utils_test.go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCronSchedule } from '@wheelhouse/resources';
import { scheduleTimes, TOO_MANY_MISSED } from './schedule-times.js';

const at = (t: string) => new Date(t);
const hourly = parseCronSchedule('0 * * * *');

test('TestMostRecentScheduleTime', () => {
  const cases: [string, string, string, number | undefined, string | undefined, number][] = [
    ['not past the schedule time', '0 * * * *', '2016-05-19T10:30:00Z', undefined, undefined, 0],
    ['past the schedule time once', '0 * * * *', '2016-05-19T11:00:00Z', undefined, '2016-05-19T11:00:00Z', 1],
    ['past the schedule time twice', '0 * * * *', '2016-05-19T12:30:00Z', undefined, '2016-05-19T12:00:00Z', 2],
    ['deadline excludes the older time', '0 * * * *', '2016-05-19T12:30:00Z', 3600, '2016-05-19T12:00:00Z', 1],
    ['deadline excludes every time', '0 * * * *', '2016-05-19T12:30:00Z', 60, undefined, 0],
    ['every minute, 5 missed', '* * * * *', '2016-05-19T10:05:00Z', undefined, '2016-05-19T10:05:00Z', 5],
  ];
  for (const [name, schedule, now, deadline, recent, missed] of cases) {
    const got = scheduleTimes(parseCronSchedule(schedule), at('2016-05-19T10:00:00Z'), at(now), deadline);
    assert.equal(got.mostRecent?.toISOString(), recent === undefined ? undefined : at(recent).toISOString(), name);
    assert.equal(got.missed, missed, name);
  }
});

test('too many missed start times: counting stops past 100, the latest due time is still found', () => {
  const got = scheduleTimes(hourly, at('2016-05-19T10:00:00Z'), at('2016-06-19T10:30:00Z'));
  assert.equal(got.missed, TOO_MANY_MISSED + 1);
  assert.equal(got.mostRecent?.toISOString(), '2016-06-19T10:00:00.000Z');
  assert.equal(got.next?.toISOString(), '2016-06-19T11:00:00.000Z');
});
