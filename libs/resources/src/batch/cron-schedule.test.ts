// The shared conformance file cron-cases.json (robfig/cron's own tests, as Kubernetes parses
// CronJob schedules; copied unchanged into libs/resources/testdata): every case as a table test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCronSchedule } from './cron-schedule.js';

interface NextCase {
  schedule: string | null;
  from: string;
  next: string | null;
  timeZone: string | null;
  group?: string;
}
const FILE = fileURLToPath(new URL('../../testdata/cron-cases.json', import.meta.url));
const data = JSON.parse(readFileSync(process.env.CRON_CASES ?? FILE, 'utf8')) as {
  cases: NextCase[];
  timezone_cases: NextCase[];
  activation_cases: { schedule: string; from: string; time: string; activates: boolean }[];
  parse_cases: { schedule: string; valid: boolean; parser: string }[];
};
/** A fixed offset is the zone of the `from` time; the file names its IANA equivalent. */
const zone = (tz: string | null) => (tz === null ? 'UTC' : tz.startsWith('+05:30') ? 'Asia/Kolkata' : tz);
const iso = (t: string | null) => (t === null ? null : new Date(t).toISOString());

test('the file holds the cases (none silently skipped)', () => {
  assert.ok(data.cases.filter((x) => x.schedule !== null).length >= 15);
  assert.ok(data.timezone_cases.filter((x) => x.schedule !== null).length >= 30);
  assert.ok(data.activation_cases.length >= 25 && data.parse_cases.length >= 15);
});

test('robfig TestNext (5-field cases)', () => {
  for (const c of data.cases.filter((x) => x.schedule !== null)) {
    assert.equal(iso(parseCronSchedule(c.schedule!, zone(c.timeZone)).next(new Date(c.from))?.toISOString() ?? null), iso(c.next), `${c.schedule} from ${c.from}`);
  }
});

test('robfig TestNext and TestNextWithTz in a time zone, DST included', () => {
  for (const c of data.timezone_cases.filter((x) => x.schedule !== null)) {
    const got = parseCronSchedule(c.schedule!, zone(c.timeZone)).next(new Date(c.from));
    assert.equal(got?.toISOString() ?? null, iso(c.next), `${c.group}: ${c.schedule} in ${c.timeZone} from ${c.from}`);
  }
});

test('robfig TestActivation', () => {
  for (const c of data.activation_cases) {
    const next = parseCronSchedule(c.schedule).next(new Date(c.from));
    assert.equal(next?.toISOString() === iso(c.time), c.activates, `${c.schedule} at ${c.time}`);
  }
});

test('robfig TestErrors, TestStandardSpecSchedule, TestParseSchedule: what parses', () => {
  for (const c of data.parse_cases) {
    let valid = true;
    try {
      parseCronSchedule(c.schedule);
    } catch {
      valid = false;
    }
    assert.equal(valid, c.valid, `${JSON.stringify(c.schedule)} (${c.parser})`);
  }
});
