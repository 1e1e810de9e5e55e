import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeDeadlineAt } from './active-deadline.js';
import { pod } from '../status/test-fixtures.js';
import { computePodStatus } from '../status/pod-status.js';
import { DEADLINE_EXCEEDED } from './active-deadline.js';

test('the deadline counts from startTime, else from when the agent first saw the pod', () => {
  assert.equal(activeDeadlineAt(pod(), 0), undefined);
  assert.equal(activeDeadlineAt(pod({ activeDeadlineSeconds: 30 }, { startTime: '2026-01-01T00:00:00Z' }), 5), Date.parse('2026-01-01T00:00:30Z'));
  assert.equal(activeDeadlineAt(pod({ activeDeadlineSeconds: 0 }), 1000), 1000);
});

test('a pod failed by the agent reports phase Failed with reason DeadlineExceeded', () => {
  const s = computePodStatus({ pod: pod(), records: new Map(), hostIP: '127.0.0.1', runtimeName: 'simulated', terminating: false, now: 'T', failure: DEADLINE_EXCEEDED });
  assert.deepEqual([s.phase, s.reason, s.message], ['Failed', 'DeadlineExceeded', 'Pod was active on the node longer than the specified deadline']);
});
