import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, inBackoff, nextBackoff, type BackoffEntry } from './backoff.js';

const policy = { initialMs: 10_000, maxMs: 300_000 };

test('first restart is immediate, then 10 s doubling to 5 min', () => {
  let entry: BackoffEntry | undefined;
  let t = 0;
  assert.equal(inBackoff(entry, t, t, policy), false);
  const delays: number[] = [];
  for (let i = 0; i < 8; i++) {
    entry = nextBackoff(entry, t, policy);
    delays.push(entry.delayMs);
    t += entry.delayMs + 1_000; // it ran for a second, then crashed again
    assert.equal(inBackoff(entry, t, t, policy), true, `crash ${i + 2} waits`);
    assert.equal(inBackoff(entry, t, t + entry.delayMs - 1, policy), true);
    assert.equal(inBackoff(entry, t, t + entry.delayMs, policy), false);
  }
  assert.deepEqual(delays, [10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
});

test('a container that ran more than 10 minutes starts over at 10 s', () => {
  const entry = { delayMs: 160_000, lastUpdate: 0 };
  const exitAfterLongRun = 10 * 60_000 + 1;
  assert.equal(inBackoff(entry, exitAfterLongRun, exitAfterLongRun, policy), false);
  assert.deepEqual(nextBackoff(entry, exitAfterLongRun, policy), { delayMs: 10_000, lastUpdate: exitAfterLongRun });
  assert.equal(inBackoff(entry, 10 * 60_000 - 1, 10 * 60_000 - 1, policy), true);
});

test('durations print as Go prints them', () => {
  assert.equal(formatDuration(10_000), '10s');
  assert.equal(formatDuration(80_000), '1m20s');
  assert.equal(formatDuration(300_000), '5m0s');
});
