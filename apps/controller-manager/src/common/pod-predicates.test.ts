import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPodActive, isPodAvailable, isPodReady } from './pod-predicates.js';
import type { Pod } from '@wheelhouse/model';

const pod = (phase: string, ready?: 'True' | 'False', readySince?: string, deleting = false): Pod => ({
  metadata: { name: 'p', ...(deleting ? { deletionTimestamp: '2024-01-01T00:00:00Z' } : {}) },
  status: { phase, conditions: ready ? [{ type: 'Ready', status: ready, lastTransitionTime: readySince }] : [] },
});

test('isPodActive: not finished and not being deleted', () => {
  assert.equal(isPodActive(pod('Running')), true);
  assert.equal(isPodActive(pod('Pending')), true);
  assert.equal(isPodActive(pod('Unknown')), true);
  assert.equal(isPodActive(pod('Succeeded')), false);
  assert.equal(isPodActive(pod('Failed')), false);
  assert.equal(isPodActive(pod('Running', 'True', undefined, true)), false);
  assert.equal(isPodActive({ metadata: {} }), true);
});

test('isPodReady: the Ready condition is True', () => {
  assert.equal(isPodReady(pod('Running', 'True')), true);
  assert.equal(isPodReady(pod('Running', 'False')), false);
  assert.equal(isPodReady(pod('Running')), false);
});

test('isPodAvailable: ready for longer than minReadySeconds, strictly', () => {
  const now = new Date('2024-01-01T00:00:10Z');
  const readyAt = (t: string) => pod('Running', 'True', t);
  assert.equal(isPodAvailable(readyAt('2024-01-01T00:00:10Z'), 0, now), true);
  assert.equal(isPodAvailable(readyAt('2024-01-01T00:00:04Z'), 5, now), true);
  assert.equal(isPodAvailable(readyAt('2024-01-01T00:00:05Z'), 5, now), false); // exactly 5s: not yet
  assert.equal(isPodAvailable(readyAt('2024-01-01T00:00:06Z'), 5, now), false);
  assert.equal(isPodAvailable(pod('Running', 'True'), 5, now), false); // no transition time
  assert.equal(isPodAvailable(pod('Running', 'False', '2024-01-01T00:00:00Z'), 0, now), false);
});
