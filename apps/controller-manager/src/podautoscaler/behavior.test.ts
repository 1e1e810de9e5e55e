// After Kubernetes' pkg/controller/podautoscaler/horizontal_test.go: TestConvertDesiredReplicasWithRules,
// TestScalingWithRules (policies, selectPolicy, periods with past scale events),
// TestNormalizeDesiredReplicasWithBehavior and TestStabilizeRecommendationWithBehaviors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { HPAScalingRules } from '@wheelhouse/resources';
import { DEFAULT_SCALE_DOWN_RULES, DEFAULT_SCALE_UP_RULES } from '@wheelhouse/resources';
import { convertDesiredReplicasWithRules, emptyHistory, normalizeDesiredReplicas, storeScaleEvent, type ScaleEvent, type ScalingHistory } from './behavior.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const ago = (seconds: number) => NOW - seconds * 1000;

/** generateScalingRules(pods, podsPeriod, percent, percentPeriod, stabilizationWindow) of horizontal_test.go. */
function rules(pods: number, podsPeriod: number, percent: number, percentPeriod: number, window: number, selectPolicy = 'Max'): HPAScalingRules {
  const policies = [];
  if (pods) policies.push({ type: 'Pods', value: pods, periodSeconds: podsPeriod });
  if (percent) policies.push({ type: 'Percent', value: percent, periodSeconds: percentPeriod });
  return { stabilizationWindowSeconds: window, selectPolicy, policies };
}
const DEFAULT_DOWN = { ...DEFAULT_SCALE_DOWN_RULES, stabilizationWindowSeconds: 300 };

test('TestConvertDesiredReplicasWithRules (no behavior): min, max and the 2×/4 scale-up limit', () => {
  const cases: [number, number, number, number, number, string][] = [
    // current, desired, min, max, expected, reason
    [5, 7, 3, 8, 7, 'DesiredWithinRange'],
    [5, 3, 2, 8, 3, 'DesiredWithinRange'],
    [10, 11, 2, 8, 8, 'TooManyReplicas'],
    [5, 12, 2, 8, 8, 'TooManyReplicas'],
    [2, 1, 3, 8, 3, 'TooFewReplicas'],
    [5, 2, 3, 8, 3, 'TooFewReplicas'],
    [1, 10, 1, 100, 4, 'ScaleUpLimit'],
    [10, 40, 1, 100, 20, 'ScaleUpLimit'],
  ];
  for (const [current, desired, min, max, expected, reason] of cases) {
    const out = convertDesiredReplicasWithRules(current, desired, min, max);
    assert.deepEqual([out.replicas, out.reason], [expected, reason], `${current}→${desired} in [${min}, ${max}]`);
  }
});

describe('TestScalingWithRules', () => {
  interface Case {
    name: string;
    current: number;
    desired: number;
    min: number;
    max: number;
    up?: HPAScalingRules;
    down?: HPAScalingRules;
    upEvents?: ScaleEvent[];
    downEvents?: ScaleEvent[];
    expected: number;
    condition: string;
  }
  const cases: Case[] = [
    { name: 'scale up within range', current: 5, desired: 7, min: 3, max: 8, expected: 7, condition: 'DesiredWithinRange' },
    { name: 'scale down within range', current: 5, desired: 3, min: 2, max: 8, expected: 3, condition: 'DesiredWithinRange' },
    { name: 'scale up with currentReplicas exceeding maxReplicas', current: 10, desired: 11, min: 2, max: 8, expected: 8, condition: 'TooManyReplicas' },
    { name: 'scale up too many', current: 5, desired: 12, min: 2, max: 8, expected: 8, condition: 'TooManyReplicas' },
    { name: 'scale down too many', current: 5, desired: 2, min: 3, max: 8, expected: 3, condition: 'TooFewReplicas' },
    { name: 'scale up with pods policy', current: 5, desired: 50, min: 1, max: 100, up: rules(10, 60, 0, 0, 0), expected: 15, condition: 'ScaleUpLimit' },
    { name: 'scale up with percent policy', current: 10, desired: 40, min: 1, max: 100, up: rules(0, 0, 100, 60, 0), expected: 20, condition: 'ScaleUpLimit' },
    { name: 'scale up with Max picks the larger change', current: 10, desired: 40, min: 1, max: 100, up: rules(4, 60, 50, 60, 0), expected: 15, condition: 'ScaleUpLimit' },
    { name: 'scale up with Min picks the smaller change', current: 10, desired: 40, min: 1, max: 100, up: rules(4, 60, 50, 60, 0, 'Min'), expected: 14, condition: 'ScaleUpLimit' },
    { name: 'scale up Disabled', current: 10, desired: 40, min: 1, max: 100, up: rules(4, 60, 50, 60, 0, 'Disabled'), expected: 10, condition: 'ScaleUpLimit' },
    { name: 'percent rounds up so a small set still grows', current: 1, desired: 3, min: 1, max: 10, up: rules(0, 0, 10, 60, 0), expected: 2, condition: 'ScaleUpLimit' },
    {
      name: 'scale up with earlier events in the period counts from the period start',
      current: 8,
      desired: 30,
      min: 1,
      max: 100,
      up: rules(4, 60, 0, 0, 0),
      upEvents: [{ change: 3, at: ago(30) }],
      expected: 9,
      condition: 'ScaleUpLimit',
    },
    {
      name: 'scale up with events outside the period: the full allowance again',
      current: 8,
      desired: 30,
      min: 1,
      max: 100,
      up: rules(4, 60, 0, 0, 0),
      upEvents: [{ change: 3, at: ago(61) }],
      expected: 12,
      condition: 'ScaleUpLimit',
    },
    {
      name: 'scale up already past the allowance stays at current',
      current: 10,
      desired: 30,
      min: 1,
      max: 100,
      up: rules(2, 60, 0, 0, 0),
      upEvents: [{ change: 5, at: ago(10) }],
      expected: 10,
      condition: 'ScaleUpLimit',
    },
    { name: 'scale down with percent policy', current: 10, desired: 1, min: 1, max: 100, down: rules(0, 0, 50, 60, 0), expected: 5, condition: 'ScaleDownLimit' },
    { name: 'scale down with pods policy', current: 10, desired: 1, min: 1, max: 100, down: rules(3, 60, 0, 0, 0), expected: 7, condition: 'ScaleDownLimit' },
    { name: 'scale down with Max picks the larger change', current: 10, desired: 1, min: 1, max: 100, down: rules(3, 60, 50, 60, 0), expected: 5, condition: 'ScaleDownLimit' },
    {
      name: 'scale down with Min picks the smaller change',
      current: 10,
      desired: 1,
      min: 1,
      max: 100,
      down: rules(3, 60, 50, 60, 0, 'Min'),
      expected: 7,
      condition: 'ScaleDownLimit',
    },
    { name: 'scale down Disabled', current: 10, desired: 1, min: 1, max: 100, down: rules(3, 60, 0, 0, 0, 'Disabled'), expected: 10, condition: 'ScaleDownLimit' },
    {
      name: 'scale down with earlier events in the period',
      current: 8,
      desired: 1,
      min: 1,
      max: 100,
      down: rules(4, 60, 0, 0, 0),
      downEvents: [{ change: 2, at: ago(30) }],
      expected: 6,
      condition: 'ScaleDownLimit',
    },
    {
      name: 'scale down limited by minReplicas before the policy',
      current: 10,
      desired: 1,
      min: 8,
      max: 100,
      down: rules(0, 0, 50, 60, 0),
      expected: 8,
      condition: 'TooFewReplicas',
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const history: ScalingHistory = { recommendations: [], scaleUpEvents: c.upEvents ?? [], scaleDownEvents: c.downEvents ?? [] };
      const out = normalizeDesiredReplicas({
        currentReplicas: c.current,
        desiredReplicas: c.desired,
        minReplicas: c.min,
        maxReplicas: c.max,
        behavior: { scaleUp: c.up ?? DEFAULT_SCALE_UP_RULES, scaleDown: c.down ?? { ...DEFAULT_DOWN, stabilizationWindowSeconds: 0 } },
        history,
        now: NOW,
      });
      assert.equal(out.replicas, c.expected);
      assert.equal(out.scalingLimited.reason, c.condition);
      assert.equal(out.scalingLimited.status, out.replicas === c.desired ? 'False' : 'True');
    });
  }
});

test('TestNormalizeDesiredReplicasWithBehavior: the default scale-up (4 pods or 100% per 15s) and stabilization', () => {
  const behavior = { scaleUp: DEFAULT_SCALE_UP_RULES, scaleDown: DEFAULT_DOWN };
  const run = (current: number, desired: number, recommendations: { replicas: number; at: number }[] = []) =>
    normalizeDesiredReplicas({
      currentReplicas: current,
      desiredReplicas: desired,
      minReplicas: 1,
      maxReplicas: 100,
      behavior,
      history: { ...emptyHistory(), recommendations },
      now: NOW,
    });
  assert.equal(run(1, 10).replicas, 5, '1 + 4 pods beats 100%');
  assert.equal(run(10, 40).replicas, 20, '100% beats 4 pods');
  // Scale down waits for the highest recommendation of the last 300s.
  const down = run(10, 4, [
    { replicas: 9, at: ago(100) },
    { replicas: 6, at: ago(200) },
  ]);
  assert.deepEqual([down.replicas, down.ableToScale.reason], [9, 'ScaleDownStabilized']);
  const later = run(10, 4, [
    { replicas: 9, at: ago(301) },
    { replicas: 6, at: ago(200) },
  ]);
  assert.deepEqual([later.replicas, later.ableToScale.reason], [6, 'ScaleDownStabilized']);
  // The new recommendation replaced the sample older than every window.
  assert.deepEqual(
    later.history.recommendations.map((r) => r.replicas),
    [4, 6],
  );
  assert.deepEqual(run(4, 4).ableToScale, { status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' });
});

test('TestStabilizeRecommendationWithBehaviors: a scale-up window holds the lowest recent recommendation', () => {
  const out = normalizeDesiredReplicas({
    currentReplicas: 5,
    desiredReplicas: 10,
    minReplicas: 1,
    maxReplicas: 100,
    behavior: { scaleUp: rules(0, 0, 100, 15, 60), scaleDown: DEFAULT_DOWN },
    history: { ...emptyHistory(), recommendations: [{ replicas: 7, at: ago(30) }] },
    now: NOW,
  });
  assert.deepEqual([out.replicas, out.ableToScale.reason], [7, 'ScaleUpStabilized']);
});

test('without behavior: downscale stabilization keeps the highest recommendation of the window', () => {
  const out = normalizeDesiredReplicas({
    currentReplicas: 8,
    desiredReplicas: 2,
    minReplicas: 1,
    maxReplicas: 10,
    history: { ...emptyHistory(), recommendations: [{ replicas: 8, at: ago(60) }] },
    now: NOW,
  });
  assert.deepEqual([out.replicas, out.ableToScale.reason], [8, 'ScaleDownStabilized']);
  const after = normalizeDesiredReplicas({
    currentReplicas: 8,
    desiredReplicas: 2,
    minReplicas: 1,
    maxReplicas: 10,
    history: { ...emptyHistory(), recommendations: [{ replicas: 8, at: ago(301) }] },
    now: NOW,
  });
  assert.equal(after.replicas, 2);
});

test('storeScaleEvent keeps the events the policies still look at', () => {
  const behavior = { scaleUp: rules(4, 60, 0, 0, 0), scaleDown: DEFAULT_DOWN };
  const history = {
    ...emptyHistory(),
    scaleUpEvents: [
      { change: 2, at: ago(90) },
      { change: 1, at: ago(30) },
    ],
  };
  const next = storeScaleEvent(history, behavior, 3, 7, NOW);
  assert.deepEqual(next.scaleUpEvents, [
    { change: 1, at: ago(30) },
    { change: 4, at: NOW },
  ]);
  assert.equal(storeScaleEvent(history, undefined, 3, 7, NOW), history, 'no behavior: nothing to remember');
});
