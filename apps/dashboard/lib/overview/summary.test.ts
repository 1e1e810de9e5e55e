import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countByPhase, healthCounts, latestEvents, percent } from './summary.ts';

test('pods are counted per phase, unknown phases as Unknown', () => {
  const pods = ['Running', 'Running', 'Pending', 'Weird', undefined].map((phase) => ({ metadata: {}, status: { phase } }));
  assert.deepEqual(countByPhase(pods), [
    { phase: 'Running', count: 2 },
    { phase: 'Pending', count: 1 },
    { phase: 'Succeeded', count: 0 },
    { phase: 'Failed', count: 0 },
    { phase: 'Unknown', count: 2 },
  ]);
});

test('workloads are counted by health', () => {
  const w = (replicas: number, available: number) => ({ metadata: {}, spec: { replicas }, status: { availableReplicas: available, replicas } });
  assert.deepEqual(healthCounts([w(2, 2), w(3, 1), w(1, 0)]), { healthy: 1, progressing: 1, degraded: 1 });
});

test('latest events come newest first and are capped', () => {
  const e = (name: string, lastTimestamp: string) => ({ metadata: { name }, lastTimestamp });
  const events = [e('old', '2026-01-01T00:00:00Z'), e('new', '2026-01-03T00:00:00Z'), e('mid', '2026-01-02T00:00:00Z')];
  assert.deepEqual(
    latestEvents(events, 2).map((x) => x.metadata.name),
    ['new', 'mid'],
  );
});

test('percent is bounded and safe for unknown totals', () => {
  assert.equal(percent(1, 4), 25);
  assert.equal(percent(9, 4), 100);
  assert.equal(percent(1, NaN), 0);
});
