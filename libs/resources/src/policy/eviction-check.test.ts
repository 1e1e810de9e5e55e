// After Kubernetes' pkg/registry/core/pod/storage/eviction_test.go (TestEviction,
// TestEvictionIgnorePDB, TestEvictionDryRun's budget part, TestPDBWithUnhealthyPodEvictionPolicy…).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../api-error.js';
import { checkEviction, EVICTION_REFUSED_MESSAGE, MAX_DISRUPTED_POD_SIZE } from './eviction-check.js';
import type { PodDisruptionBudgetLike } from './pdb-types.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const pod = (phase = 'Running', ready = true, extra: { deleting?: boolean; labels?: Record<string, string> } = {}) => ({
  metadata: { name: 't1', labels: extra.labels ?? { a: 'true' }, ...(extra.deleting ? { deletionTimestamp: NOW.toISOString() } : {}) },
  status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});
const pdb = (status: Record<string, unknown>, spec: Record<string, unknown> = {}, generation = 1): PodDisruptionBudgetLike => ({
  metadata: { name: 'foo', generation, resourceVersion: '7' },
  spec: { selector: { matchLabels: { a: 'true' } }, minAvailable: 1, ...spec },
  status: { observedGeneration: 1, ...status },
});
const refused = (code: string, message?: string | RegExp) => (e: unknown) =>
  e instanceof ApiError && e.code === code && (message === undefined || (typeof message === 'string' ? e.message === message : message.test(e.message)));

test('TestEviction: a budget with no disruption left refuses with 429 and Kubernetes’ message', () => {
  assert.throws(() => checkEviction(pod(), [pdb({ disruptionsAllowed: 0 })], NOW), refused('TOO_MANY_REQUESTS', EVICTION_REFUSED_MESSAGE));
});

test('TestEviction: one disruption left is spent and the pod is recorded as disrupted; the condition turns False at 0', () => {
  const check = checkEviction(pod(), [pdb({ disruptionsAllowed: 1, conditions: [{ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods' }] })], NOW);
  assert.equal(check.action, 'decrement');
  if (check.action !== 'decrement') return;
  assert.equal(check.status.disruptionsAllowed, 0);
  assert.deepEqual(check.status.disruptedPods, { t1: NOW.toISOString() });
  assert.deepEqual(
    check.status.conditions!.map((c) => [c.type, c.status, c.reason]),
    [['DisruptionAllowed', 'False', 'InsufficientPods']],
  );
  const two = checkEviction(pod(), [pdb({ disruptionsAllowed: 2 })], NOW);
  assert.equal(two.action === 'decrement' && two.status.disruptionsAllowed, 1);
});

test('TestEvictionIgnorePDB: pending, finished and terminating pods ignore the budget', () => {
  const empty = [pdb({ disruptionsAllowed: 0 })];
  for (const p of [pod('Pending'), pod('Succeeded'), pod('Failed'), pod('Running', true, { deleting: true })]) {
    assert.deepEqual(checkEviction(p, empty, NOW), { action: 'delete', reason: 'ignorable' });
  }
});

test('pods no budget selects go at once; a null or empty selector selects nothing for evictions', () => {
  assert.deepEqual(checkEviction(pod('Running', true, { labels: { b: 'x' } }), [pdb({ disruptionsAllowed: 0 })], NOW), { action: 'delete', reason: 'no-budget' });
  assert.equal(checkEviction(pod(), [pdb({ disruptionsAllowed: 0 }, { selector: {} })], NOW).action, 'delete');
  assert.equal(checkEviction(pod(), [pdb({ disruptionsAllowed: 0 }, { selector: null })], NOW).action, 'delete');
});

test('more than one budget for a pod is an error, as upstream', () => {
  assert.throws(
    () => checkEviction(pod(), [pdb({ disruptionsAllowed: 1 }), pdb({ disruptionsAllowed: 1 })], NOW),
    refused('INTERNAL_SERVER_ERROR', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.'),
  );
});

test('TestPDBWithUnhealthyPodEvictionPolicy: unready pods', () => {
  const healthyBudget = { disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2 };
  const unhealthyBudget = { disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 2 };
  // IfHealthyBudget (and unset): free while the application is not disrupted, else the budget decides.
  for (const policy of [undefined, 'IfHealthyBudget']) {
    assert.deepEqual(checkEviction(pod('Running', false), [pdb(healthyBudget, { unhealthyPodEvictionPolicy: policy })], NOW), { action: 'delete', reason: 'unhealthy' });
    assert.throws(() => checkEviction(pod('Running', false), [pdb(unhealthyBudget, { unhealthyPodEvictionPolicy: policy })], NOW), refused('TOO_MANY_REQUESTS'));
  }
  // AlwaysAllow: an unready pod always goes, spending nothing.
  assert.deepEqual(checkEviction(pod('Running', false), [pdb(unhealthyBudget, { unhealthyPodEvictionPolicy: 'AlwaysAllow' })], NOW), { action: 'delete', reason: 'unhealthy' });
  // A ready pod is guarded whatever the policy.
  assert.throws(() => checkEviction(pod(), [pdb(unhealthyBudget, { unhealthyPodEvictionPolicy: 'AlwaysAllow' })], NOW), refused('TOO_MANY_REQUESTS'));
  // desiredHealthy 0 means the controller has not counted yet: the budget decides.
  assert.throws(() => checkEviction(pod('Running', false), [pdb({ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0 })], NOW), refused('TOO_MANY_REQUESTS'));
});

test('checkAndDecrement: a status not yet observed for this generation, a negative count or too many unconfirmed evictions refuse', () => {
  assert.throws(() => checkEviction(pod(), [pdb({ disruptionsAllowed: 5 }, {}, 2)], NOW), refused('TOO_MANY_REQUESTS', EVICTION_REFUSED_MESSAGE));
  assert.throws(() => checkEviction(pod(), [pdb({ disruptionsAllowed: -1 })], NOW), refused('FORBIDDEN', /pdb disruptions allowed is negative/));
  const many = Object.fromEntries(Array.from({ length: MAX_DISRUPTED_POD_SIZE + 1 }, (_, i) => [`p${i}`, NOW.toISOString()]));
  assert.throws(() => checkEviction(pod(), [pdb({ disruptionsAllowed: 5, disruptedPods: many })], NOW), refused('FORBIDDEN', /DisruptedPods map too big/));
});
