import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideRestart, type RestartPolicy, type Run } from './restart-policy.js';

const policy: RestartPolicy = { initialDelayMs: 1000, maxDelayMs: 8000, crashLoopCount: 5, crashLoopWindowMs: 120_000, resetAfterMs: 60_000 };

/** Runs that each lasted `uptime` ms, the next starting `gap` ms after the previous exit. */
function runs(uptimes: number[], gap = 1000): Run[] {
  let t = 0;
  return uptimes.map((uptime) => {
    const run = { startedAt: t, exitedAt: t + uptime };
    t = run.exitedAt + gap;
    return run;
  });
}

test('the back-off doubles with every crash in a row, up to the maximum', () => {
  const cases: [number[], number][] = [
    [[5_000], 1000],
    [[5_000, 5_000], 2000],
    [[5_000, 5_000, 5_000], 4000],
    [[5_000, 5_000, 5_000, 30_000], 8000],
  ];
  for (const [uptimes, delayMs] of cases) {
    const decision = decideRestart(runs(uptimes, 30_000), policy);
    assert.deepEqual(decision, { action: 'restart', delayMs, attempt: uptimes.length }, `uptimes ${uptimes}`);
  }
  // Capped: eight crashes spread over hours are never a loop, and wait at most maxDelayMs.
  assert.deepEqual(decideRestart(runs(Array(8).fill(5_000), 3_600_000), policy), { action: 'restart', delayMs: 8000, attempt: 8 });
});

test('a run that lasted resetAfterMs starts the back-off over', () => {
  assert.deepEqual(decideRestart(runs([5_000, 5_000, 5_000, 600_000, 5_000], 30_000), policy), { action: 'restart', delayMs: 1000, attempt: 5 });
});

test('five exits within the window are a crash loop: give up with the reason', () => {
  const decision = decideRestart(runs([100, 100, 100, 100, 100]), policy);
  assert.deepEqual(decision, { action: 'give-up', reason: 'it exited 5 times within 120 s (a crash loop)' });
  // The same five, spread so that only four fall in the window, are not.
  assert.equal(decideRestart(runs([100, 100, 100, 100, 100], 35_000), policy).action, 'restart');
});
