import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod, ReplicaSet } from '@wheelhouse/model';
import { calculateReplicaSetStatus, replicaSetStatusNeedsUpdate } from './calculate-status.js';

const now = new Date('2024-01-01T00:01:00Z');
const rs = (replicas: number, minReadySeconds = 0, status: ReplicaSet['status'] = {}): ReplicaSet => ({
  metadata: { name: 'web', generation: 3 },
  spec: { replicas, minReadySeconds, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', tier: 'fe' } } } },
  status,
});
const pod = (labels: Record<string, string>, readySince?: string): Pod => ({
  metadata: { name: 'p', labels },
  status: { phase: 'Running', conditions: readySince ? [{ type: 'Ready', status: 'True', lastTransitionTime: readySince }] : [] },
});

test('counts fully labeled, ready and available pods (available: ready longer than minReadySeconds)', () => {
  const pods = [pod({ app: 'web', tier: 'fe' }, '2024-01-01T00:00:00Z'), pod({ app: 'web', tier: 'fe' }, '2024-01-01T00:00:55Z'), pod({ app: 'web' })];
  const status = calculateReplicaSetStatus(rs(3, 10), pods, undefined, now);
  assert.deepEqual(status, { replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1, observedGeneration: 3, conditions: [] });
});

test('a failed create sets ReplicaFailure/FailedCreate once; success clears it', () => {
  const failed = calculateReplicaSetStatus(rs(2), [], 'quota exceeded', now);
  assert.deepEqual(failed.conditions, [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'quota exceeded', lastTransitionTime: '2024-01-01T00:01:00Z' }]);
  const again = calculateReplicaSetStatus(rs(2, 0, failed), [], 'another error', new Date('2024-01-01T00:02:00Z'));
  assert.deepEqual(again.conditions, failed.conditions);
  assert.deepEqual(calculateReplicaSetStatus(rs(2, 0, failed), [], undefined, now).conditions, []);
});

test('a failed delete is FailedDelete', () => {
  const status = calculateReplicaSetStatus(rs(0), [pod({ app: 'web' })], 'forbidden', now);
  assert.equal(status.conditions?.[0]?.reason, 'FailedDelete');
});

test('the status is written only when something changed or the generation is new', () => {
  const steady = rs(1, 0, { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 3 });
  const status = calculateReplicaSetStatus(steady, [pod({ app: 'web', tier: 'fe' }, '2024-01-01T00:00:00Z')], undefined, now);
  assert.equal(replicaSetStatusNeedsUpdate(steady, status), false);
  assert.equal(replicaSetStatusNeedsUpdate({ ...steady, metadata: { generation: 4 } }, status), true);
  assert.equal(replicaSetStatusNeedsUpdate(steady, { ...status, readyReplicas: 0 }), true);
});
