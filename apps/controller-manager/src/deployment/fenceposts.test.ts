import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Deployment } from '@wheelhouse/model';
import type { IntOrString } from '../common/vocabulary.js';
import { maxSurgeOf, maxUnavailableOf, minAvailableOf, resolveFenceposts, validateRollingUpdate } from './fenceposts.js';
import { scaledValueFromIntOrPercent } from './int-or-percent.js';

// Kubernetes' TestResolveFenceposts, plus rounding and int cases.
for (const [maxSurge, maxUnavailable, desired, expected] of [
  ['0%', '0%', 0, { maxSurge: 0, maxUnavailable: 1 }],
  ['39%', '39%', 10, { maxSurge: 4, maxUnavailable: 3 }],
  ['25%', '25%', 1, { maxSurge: 1, maxUnavailable: 0 }],
  ['25%', '25%', 10, { maxSurge: 3, maxUnavailable: 2 }],
  ['0%', '25%', 3, { maxSurge: 0, maxUnavailable: 1 }], // 0.75 rounds down to 0, then becomes 1
  ['1%', '0%', 2, { maxSurge: 1, maxUnavailable: 0 }],
  [0, 0, 5, { maxSurge: 0, maxUnavailable: 1 }],
  [2, 3, 5, { maxSurge: 2, maxUnavailable: 3 }],
  [undefined, undefined, 5, { maxSurge: 0, maxUnavailable: 1 }],
  ['100%', '100%', 7, { maxSurge: 7, maxUnavailable: 7 }],
] as const) {
  test(`TestResolveFenceposts: surge ${String(maxSurge)}, unavailable ${String(maxUnavailable)}, desired ${desired}`, () => {
    assert.deepEqual(resolveFenceposts(maxSurge, maxUnavailable, desired), expected);
  });
}

test('TestResolveFenceposts: a string that is not a percentage is an error', () => {
  assert.throws(() => resolveFenceposts('oops', '39%', 10), /not a percentage/);
  assert.throws(() => resolveFenceposts('55%', 'urg', 10), /not a percentage/);
  assert.throws(() => resolveFenceposts('5.5%', '1', 10), /invalid value/);
});

test('scaledValueFromIntOrPercent rounds as asked and passes numbers through', () => {
  assert.equal(scaledValueFromIntOrPercent('33%', 10, true), 4);
  assert.equal(scaledValueFromIntOrPercent('33%', 10, false), 3);
  assert.equal(scaledValueFromIntOrPercent(7, 10, false), 7);
  assert.equal(scaledValueFromIntOrPercent('50%', 0, true), 0);
});

const rolling = (replicas: number, maxUnavailable: IntOrString, maxSurge: IntOrString = 1): Deployment => ({
  metadata: {},
  spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } },
});
const recreate: Deployment = { metadata: {}, spec: { replicas: 10, strategy: { type: 'Recreate' } } };

// Kubernetes' TestMaxUnavailable and TestMinAvailable (maxSurge 1).
for (const [replicas, maxUnavailable, expectedMax, expectedMin] of [
  [10, 5, 5, 5],
  [10, 10, 10, 0],
  [5, 10, 5, 0],
  [0, 10, 0, 0],
  [10, '50%', 5, 5],
  [10, '60%', 6, 4],
  [10, '100%', 10, 0],
  [5, '100%', 5, 0],
] as const) {
  test(`TestMaxUnavailable/TestMinAvailable: ${replicas} replicas, maxUnavailable ${maxUnavailable}`, () => {
    assert.equal(maxUnavailableOf(rolling(replicas, maxUnavailable)), expectedMax);
    assert.equal(minAvailableOf(rolling(replicas, maxUnavailable)), expectedMin);
  });
}

test('Recreate has no surge and no unavailability budget', () => {
  assert.equal(maxUnavailableOf(recreate), 0);
  assert.equal(minAvailableOf(recreate), 0);
  assert.equal(maxSurgeOf(recreate), 0);
});

test('a Deployment without a strategy gets the 25%/25% rolling-update default', () => {
  const d: Deployment = { metadata: {}, spec: { replicas: 10 } };
  assert.equal(maxSurgeOf(d), 3);
  assert.equal(maxUnavailableOf(d), 2);
});

test('validateRollingUpdate: both zero as given is invalid, even though rounding may produce it legally', () => {
  assert.deepEqual(validateRollingUpdate(0, 0), ['maxUnavailable: may not be 0 when `maxSurge` is 0']);
  assert.deepEqual(validateRollingUpdate('0%', 0), ['maxUnavailable: may not be 0 when `maxSurge` is 0']);
  assert.deepEqual(validateRollingUpdate('1%', '0%'), []);
  assert.deepEqual(validateRollingUpdate('25%', '25%'), []);
  assert.deepEqual(validateRollingUpdate(1, '101%'), ['maxUnavailable: must not be greater than 100%']);
  assert.deepEqual(validateRollingUpdate(-1, 1), ['maxSurge: must be greater than or equal to 0']);
  assert.deepEqual(validateRollingUpdate('x', 1), ["maxSurge: a valid percent string must be a numeric string followed by an ending '%'"]);
});
