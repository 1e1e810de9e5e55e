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

/** The schedule with a count of its `next` calls: the work a sync does, without timing it. */
function counted(spec: string) {
  const inner = parseCronSchedule(spec);
  const counter = {
    calls: 0,
    next(from: Date) {
      counter.calls++;
      return inner.next(from);
    },
  };
  return counter;
}

test('a CronJob left alone for a year: the latest due time found with bounded work (not one step per missed time)', () => {
  const cases: [string, string, string][] = [
    ['* * * * *', '2026-12-07T21:00:30Z', '2026-12-07T21:00:00.000Z'],
    ['0 9 * * 1-5', '2026-12-07T08:00:00Z', '2026-12-04T09:00:00.000Z'],
    ['* 9 * * *', '2026-12-07T15:00:00Z', '2026-12-07T09:59:00.000Z'],
    ['0 0 1 1 *', '2026-12-07T08:00:00Z', '2026-01-01T00:00:00.000Z'],
  ];
  for (const [spec, now, expected] of cases) {
    const schedule = counted(spec);
    const earliest = new Date(Date.parse(now) - 365 * 86_400_000 * (spec === '0 0 1 1 *' ? 120 : 1));
    const got = scheduleTimes(schedule, earliest, at(now));
    assert.equal(got.mostRecent?.toISOString(), expected, spec);
    assert.equal(got.missed, TOO_MANY_MISSED + 1, spec);
    assert.ok(schedule.calls < 250, `${spec}: ${schedule.calls} calls`);
  }
});
