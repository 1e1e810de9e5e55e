import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expiredTerminatingPods, orphanQuarantineLeft } from './pod-gc.js';
import { pod, T0 } from './fixtures.js';

test('terminating pods past their deadline are expired; the next deadline is reported', () => {
  const pods = [pod('live'), pod('overdue', { deleting: 10 }), pod('due-now', { deleting: 20 }), pod('later', { deleting: 50 }), pod('latest', { deleting: 90 })];
  const { expired, nextMs } = expiredTerminatingPods(pods, T0 + 20_000);
  assert.deepEqual(
    expired.map((p) => p.metadata.name),
    ['overdue', 'due-now'],
  );
  assert.equal(nextMs, T0 + 50_000);
  assert.deepEqual(expiredTerminatingPods([pod('live')], T0), { expired: [], nextMs: null });
});

test('pods of a missing node wait out the quarantine, counted from when the node went missing', () => {
  assert.equal(orphanQuarantineLeft(T0, T0 + 10_000, 40_000), 30_000);
  assert.equal(orphanQuarantineLeft(T0, T0 + 40_000, 40_000), 0);
  assert.equal(orphanQuarantineLeft(T0, T0 + 90_000, 40_000), 0);
});
