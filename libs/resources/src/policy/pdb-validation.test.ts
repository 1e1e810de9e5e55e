// After Kubernetes' pkg/apis/policy/validation/validation_test.go:
// TestValidateMinAvailablePodDisruptionBudgetSpec, TestValidateMinAvailablePodAndMaxUnavailableDisruptionBudgetSpec,
// TestValidateUnhealthyPodEvictionPolicyDisruptionBudgetSpec, TestValidatePodDisruptionBudgetStatus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validatePodDisruptionBudget, validatePodDisruptionBudgetSpec, validatePodDisruptionBudgetStatus } from './pdb-validation.js';

const fields = (errors: { field: string }[]) => errors.map((e) => e.field);

test('TestValidateMinAvailablePodDisruptionBudgetSpec: ints and percentages up to 100%', () => {
  for (const value of [0, 1, 10, '0%', '1%', '10%', '100%']) {
    assert.deepEqual(validatePodDisruptionBudgetSpec({ minAvailable: value }, 'spec'), [], `minAvailable ${value}`);
    assert.deepEqual(validatePodDisruptionBudgetSpec({ maxUnavailable: value }, 'spec'), [], `maxUnavailable ${value}`);
  }
  for (const value of [-1, '-1%', '101%', '1.1%', 'nope', '', 1.5]) {
    assert.deepEqual(fields(validatePodDisruptionBudgetSpec({ minAvailable: value }, 'spec')), ['spec.minAvailable'], `minAvailable ${value}`);
    assert.deepEqual(fields(validatePodDisruptionBudgetSpec({ maxUnavailable: value }, 'spec')), ['spec.maxUnavailable'], `maxUnavailable ${value}`);
  }
});

test('messages are Kubernetes’ own', () => {
  assert.equal(validatePodDisruptionBudgetSpec({ minAvailable: -1 }, 'spec')[0]!.message, 'Invalid value: -1: must be greater than or equal to 0');
  assert.equal(validatePodDisruptionBudgetSpec({ minAvailable: '101%' }, 'spec')[0]!.message, 'Invalid value: "101%": must not be greater than 100%');
  assert.match(validatePodDisruptionBudgetSpec({ minAvailable: 'nope' }, 'spec')[0]!.message, /a valid percent string must be a numeric string followed by an ending '%'/);
});

test('TestValidateMinAvailablePodAndMaxUnavailableDisruptionBudgetSpec: both set is refused; neither is allowed (policy/v1)', () => {
  const both = validatePodDisruptionBudgetSpec({ minAvailable: 1, maxUnavailable: '10%' }, 'spec');
  assert.deepEqual(fields(both), ['spec']);
  assert.match(both[0]!.message, /minAvailable and maxUnavailable cannot be both set$/);
  assert.deepEqual(validatePodDisruptionBudgetSpec({ selector: { matchLabels: { app: 'zk' } } }, 'spec'), []);
});

test('TestValidateUnhealthyPodEvictionPolicyDisruptionBudgetSpec', () => {
  for (const policy of [undefined, null, 'IfHealthyBudget', 'AlwaysAllow']) {
    assert.deepEqual(validatePodDisruptionBudgetSpec({ minAvailable: 1, unhealthyPodEvictionPolicy: policy }, 'spec'), [], String(policy));
  }
  const bad = validatePodDisruptionBudgetSpec({ minAvailable: 1, unhealthyPodEvictionPolicy: 'Invalid' }, 'spec');
  assert.deepEqual(fields(bad), ['spec.unhealthyPodEvictionPolicy']);
  assert.equal(bad[0]!.message, 'Unsupported value: "Invalid": supported values: "AlwaysAllow", "IfHealthyBudget"');
});

test('the selector follows the label-selector rules', () => {
  assert.deepEqual(fields(validatePodDisruptionBudgetSpec({ selector: { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] } }, 'spec')), [
    'spec.selector.matchExpressions[0].values',
  ]);
  assert.deepEqual(fields(validatePodDisruptionBudgetSpec({ selector: { matchLabels: { 'bad key!': 'x' } } }, 'spec')), ['spec.selector.matchLabels']);
  assert.deepEqual(validatePodDisruptionBudgetSpec({ selector: {} }, 'spec'), []);
});

test('TestValidatePodDisruptionBudgetStatus: no counter may be negative', () => {
  assert.deepEqual(validatePodDisruptionBudgetStatus({ disruptionsAllowed: 10, currentHealthy: 5, desiredHealthy: 3, expectedPods: 2 }, 'status'), []);
  assert.deepEqual(fields(validatePodDisruptionBudgetStatus({ disruptionsAllowed: -10, currentHealthy: -5, desiredHealthy: -3, expectedPods: -2 }, 'status')), [
    'status.disruptionsAllowed',
    'status.currentHealthy',
    'status.desiredHealthy',
    'status.expectedPods',
  ]);
  assert.deepEqual(fields(validatePodDisruptionBudget({ spec: { minAvailable: 2 }, status: { disruptionsAllowed: -1 } })), ['status.disruptionsAllowed']);
});
