import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionTone } from './conditions.ts';

test('condition colours follow the condition meaning, not just True/False', () => {
  assert.equal(conditionTone('Ready', 'True'), 'green');
  assert.equal(conditionTone('Ready', 'False'), 'red');
  assert.equal(conditionTone('MemoryPressure', 'False'), 'green');
  assert.equal(conditionTone('DiskPressure', 'True'), 'red');
  assert.equal(conditionTone('ReplicaFailure', 'True'), 'red');
  assert.equal(conditionTone('Ready', 'Unknown'), 'gray');
});
