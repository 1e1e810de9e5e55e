import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TAINT_MANAGER_DISRUPTION, withDisruptionTarget } from './disruption-target.js';

const now = new Date('2026-01-01T00:00:05.400Z');
const podConditions = [
  { type: 'PodScheduled', status: 'True' },
  { type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' },
];

test('DisruptionTarget=True is added after the conditions there, once', () => {
  const conditions = withDisruptionTarget(podConditions, TAINT_MANAGER_DISRUPTION, now)!;
  assert.deepEqual(
    conditions.map((c) => c.type),
    ['PodScheduled', 'Ready', 'DisruptionTarget'],
  );
  assert.deepEqual(conditions[2], {
    type: 'DisruptionTarget',
    status: 'True',
    reason: 'DeletionByTaintManager',
    message: 'Taint manager: deleting due to NoExecute taint',
    lastTransitionTime: '2026-01-01T00:00:05Z',
  });
  assert.equal(withDisruptionTarget(conditions, TAINT_MANAGER_DISRUPTION, now), undefined);
});

test('an earlier DisruptionTarget of another cause is replaced in place', () => {
  const earlier = [{ type: 'DisruptionTarget', status: 'True', reason: 'Other', message: 'x' }];
  assert.deepEqual(
    withDisruptionTarget(earlier, TAINT_MANAGER_DISRUPTION, now)!.map((c) => c.reason),
    ['DeletionByTaintManager'],
  );
});
