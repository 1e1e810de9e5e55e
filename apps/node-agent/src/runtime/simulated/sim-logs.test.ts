import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOG_EVERY_MS, runLines } from './sim-logs.js';

const startedAt = new Date('2026-01-01T00:00:00Z');
const after = (ms: number) => new Date(startedAt.getTime() + ms);

test('a run writes its start line, then a tick every LOG_EVERY_MS', () => {
  const lines = runLines({ container: 'app', image: 'busybox', restartCount: 0, startedAt }, after(3 * LOG_EVERY_MS));
  assert.deepEqual(
    lines.map((l) => l.text),
    ['simulated container app (busybox) started, run 0', 'app: working, tick 1', 'app: working, tick 2', 'app: working, tick 3'],
  );
});

test('the log-every-ms knob sets the cadence; a finished run ends with its exit line', () => {
  const run = { container: 'app', image: 'busybox', restartCount: 1, startedAt, logEveryMs: 100, finishedAt: after(1000), exitCode: 2 };
  const lines = runLines(run, after(60_000));
  assert.equal(lines.length, 1 + 10 + 1);
  assert.equal(lines.at(-2)?.time.getTime(), after(1000).getTime());
  assert.equal(lines.at(-1)?.text, 'app: exiting with code 2');
});
