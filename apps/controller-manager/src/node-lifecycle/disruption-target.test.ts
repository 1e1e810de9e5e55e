import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TAINT_MANAGER_DISRUPTION, withDisruptionTarget } from './disruption-target.js';
import { at, pod, stamp } from './fixtures.js';

test('DisruptionTarget=True is added after the conditions there, once', () => {
  const conditions = withDisruptionTarget(pod('web'), TAINT_MANAGER_DISRUPTION, at(5))!;
  assert.deepEqual(conditions.map((c) => c.type), ['PodScheduled', 'Ready', 'DisruptionTarget']);
  assert.deepEqual(conditions[2], {
    type: 'DisruptionTarget',
    status: 'True',
    reason: 'DeletionByTaintManager',
    message: 'Taint manager: deleting due to NoExecute taint',
    lastTransitionTime: stamp(5),
  });
  const marked = { ...pod('web'), status: { phase: 'Running', conditions } };
  assert.equal(withDisruptionTarget(marked, TAINT_MANAGER_DISRUPTION, at(9)), undefined);
});

test('an earlier DisruptionTarget of another cause is replaced in place', () => {
  const earlier = { ...pod('web'), status: { phase: 'Running', conditions: [{ type: 'DisruptionTarget', status: 'True' as const, reason: 'Other', message: 'x' }] } };
  assert.deepEqual(withDisruptionTarget(earlier, TAINT_MANAGER_DISRUPTION, at(5))!.map((c) => c.reason), ['DeletionByTaintManager']);
});
