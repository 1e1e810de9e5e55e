// After Kubernetes' horizontal_test.go reconcile cases (TestScaleUp, TestScaleDown, TestMinReplicas,
// TestMaxReplicas, TestZeroReplicas, TestMissingMetrics / TestEmptyMetrics conditions,
// TestConditionFailedGetScale, TestConditionFailedUpdateScale, TestAvoidUnnecessaryUpdates' status).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '@wheelhouse/model';
import type { HorizontalPodAutoscalerLike } from '@wheelhouse/resources';
import { emptyHistory } from './behavior.js';
import { decideAutoscaler, onRescaled, onRescaleFailed, type AutoscalerInput } from './decide.js';
import type { PodMetrics } from './replica-calculator.js';

const NOW = new Date('2026-01-01T12:00:00Z');
const LONG_AGO = '2026-01-01T00:00:00Z';
const OPTIONS = { tolerance: 0.1, cpuInitializationPeriodMs: 300_000, delayOfInitialReadinessStatusMs: 30_000, downscaleStabilizationSeconds: 300 };

const hpa = (spec: Record<string, unknown> = {}): HorizontalPodAutoscalerLike => ({
  metadata: { name: 'php-apache', namespace: 'default', generation: 2 },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' },
    minReplicas: 1,
    maxReplicas: 10,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
    ...spec,
  },
});
const pod = (i: number): Pod =>
  ({
    metadata: { name: `php-${i}`, namespace: 'default' },
    spec: { containers: [{ name: 'php', resources: { requests: { cpu: '200m' } } }] },
    status: { phase: 'Running', startTime: LONG_AGO, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: LONG_AGO }] },
  }) as Pod;
const cpu = (...millis: number[]): PodMetrics => new Map(millis.map((m, i) => [`php-${i}`, { value: m, timestamp: NOW, windowMs: 10_000 }]));
const input = (over: Partial<AutoscalerInput>): AutoscalerInput => ({
  hpa: hpa(),
  target: { replicas: 2, pods: [pod(0), pod(1)] },
  metrics: { byResource: new Map([['cpu', cpu(100, 100)]]) },
  history: emptyHistory(),
  now: NOW,
  options: OPTIONS,
  ...over,
});
const conditions = (d: ReturnType<typeof decideAutoscaler>) => Object.fromEntries((d.status.conditions ?? []).map((c) => [c.type, [c.status, c.reason]]));

test('TestScaleUp: 200m of 200m requested against 50% doubles the replicas, with ValidMetricFound and the metric status', () => {
  const d = decideAutoscaler(input({ metrics: { byResource: new Map([['cpu', cpu(200, 200)]]) } }));
  assert.deepEqual(d.rescale, { replicas: 4, reason: 'cpu resource utilization above target' });
  assert.deepEqual(conditions(d), { AbleToScale: ['True', 'ReadyForNewScale'], ScalingActive: ['True', 'ValidMetricFound'], ScalingLimited: ['False', 'DesiredWithinRange'] });
  assert.deepEqual(d.status.currentMetrics, [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 100, averageValue: '200m' } } }]);
  assert.deepEqual([d.status.currentReplicas, d.status.desiredReplicas, d.status.observedGeneration], [2, 4, 2]);
  const done = onRescaled(d, NOW);
  assert.deepEqual(done.events.at(-1), { type: 'Normal', reason: 'SuccessfulRescale', message: 'New size: 4; reason: cpu resource utilization above target' });
  assert.equal(done.status.lastScaleTime, NOW.toISOString());
  assert.deepEqual(conditions(done).AbleToScale, ['True', 'SucceededRescale']);
});

test('TestScaleDown is held by the downscale stabilization window, then happens', () => {
  const idle = { byResource: new Map([['cpu', cpu(10, 10)]]) };
  const held = decideAutoscaler(input({ metrics: idle, history: { ...emptyHistory(), recommendations: [{ replicas: 2, at: NOW.getTime() - 60_000 }] } }));
  assert.equal(held.rescale, undefined);
  assert.deepEqual(conditions(held).AbleToScale, ['True', 'ScaleDownStabilized']);
  const later = decideAutoscaler(input({ metrics: idle, history: { ...emptyHistory(), recommendations: [{ replicas: 2, at: NOW.getTime() - 301_000 }] } }));
  assert.deepEqual(later.rescale, { replicas: 1, reason: 'All metrics below target' });
});

test('TestMinReplicas / TestMaxReplicas: a target outside the range is brought back without metrics', () => {
  assert.deepEqual(decideAutoscaler(input({ target: { replicas: 12, pods: [] } })).rescale, { replicas: 10, reason: 'Current number of replicas above Spec.MaxReplicas' });
  assert.deepEqual(decideAutoscaler(input({ hpa: hpa({ minReplicas: 3 }) })).rescale, { replicas: 3, reason: 'Current number of replicas below Spec.MinReplicas' });
  const limited = decideAutoscaler(input({ hpa: hpa({ maxReplicas: 3 }), metrics: { byResource: new Map([['cpu', cpu(400, 400)]]) } }));
  assert.deepEqual([limited.rescale?.replicas, conditions(limited).ScalingLimited], [3, ['True', 'TooManyReplicas']]);
});

test('TestZeroReplicas: a target scaled to zero disables autoscaling', () => {
  const d = decideAutoscaler(input({ target: { replicas: 0, pods: [] } }));
  assert.equal(d.rescale, undefined);
  assert.deepEqual(conditions(d).ScalingActive, ['False', 'ScalingDisabled']);
});

test('TestConditionFailedGetScale and a target without a selector', () => {
  const d = decideAutoscaler(input({ target: { error: 'deployments "php-apache" not found' } }));
  assert.deepEqual(conditions(d).AbleToScale, ['False', 'FailedGetScale']);
  assert.deepEqual(d.events, [{ type: 'Warning', reason: 'FailedGetScale', message: 'deployments "php-apache" not found' }]);
  const noSelector = decideAutoscaler(input({ target: { error: "the HPA target's scale is missing a selector", selectorMissing: true } }));
  assert.deepEqual(conditions(noSelector).ScalingActive, ['False', 'InvalidSelector']);
});

test('TestEmptyMetrics / missing metrics: ScalingActive False with FailedGetResourceMetric, the desired count kept', () => {
  const d = decideAutoscaler(input({ metrics: { byResource: new Map([['cpu', new Map()]]) } }));
  assert.equal(d.rescale, undefined);
  assert.deepEqual(conditions(d).ScalingActive, ['False', 'FailedGetResourceMetric']);
  assert.deepEqual(
    d.events.map((e) => e.reason),
    ['FailedGetResourceMetric', 'FailedComputeMetricsReplicas'],
  );
  assert.match(
    d.events[1]!.message,
    /^invalid metrics \(1 invalid out of 1\), first error is: failed to get cpu resource metric value: failed to get cpu utilization: unable to get metrics for resource cpu/,
  );
  assert.deepEqual(d.status.currentMetrics, [{}]);
});

test('metric sources Wheelhouse has no API for are refused clearly; a failing metric blocks scaling down only', () => {
  const pods = { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '4' } } };
  const only = decideAutoscaler(input({ hpa: hpa({ metrics: [pods] }) }));
  assert.deepEqual(conditions(only).ScalingActive, ['False', 'FailedGetPodsMetric']);
  const withCpu = [pods, { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }];
  assert.equal(decideAutoscaler(input({ hpa: hpa({ metrics: withCpu }), metrics: { byResource: new Map([['cpu', cpu(400, 400)]]) } })).rescale?.replicas, 4, 'scale up goes on');
  const down = decideAutoscaler(input({ hpa: hpa({ metrics: withCpu }), metrics: { byResource: new Map([['cpu', cpu(10, 10)]]) } }));
  assert.equal(down.rescale, undefined, 'no scale down while a metric is unknown');
  assert.deepEqual(conditions(down).ScalingActive, ['False', 'FailedGetPodsMetric']);
});

test('an AverageValue target: memory per pod against the target', () => {
  const memory = new Map([
    ['php-0', { value: 300 * 1024 * 1024 * 1000, timestamp: NOW, windowMs: 10_000 }],
    ['php-1', { value: 300 * 1024 * 1024 * 1000, timestamp: NOW, windowMs: 10_000 }],
  ]);
  const d = decideAutoscaler(
    input({
      hpa: hpa({ metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } }] }),
      metrics: { byResource: new Map([['memory', memory]]) },
    }),
  );
  // 300Mi against 100Mi asks for 6; without a behavior one sync may at most double (ScaleUpLimit).
  assert.deepEqual(d.rescale, { replicas: 4, reason: 'memory resource above target' });
  assert.deepEqual(conditions(d).ScalingLimited, ['True', 'ScaleUpLimit']);
  assert.deepEqual(d.status.currentMetrics, [{ type: 'Resource', resource: { name: 'memory', current: { averageValue: String(300 * 1024 * 1024) } } }]);
});

test('TestConditionFailedUpdateScale: AbleToScale False, a FailedRescale event, the desired count kept', () => {
  const d = decideAutoscaler(input({ metrics: { byResource: new Map([['cpu', cpu(200, 200)]]) } }));
  const failed = onRescaleFailed(d, { desiredReplicas: 2 }, 'the server is on fire', NOW);
  assert.deepEqual(conditions(failed).AbleToScale, ['False', 'FailedUpdateScale']);
  assert.deepEqual(failed.events.at(-1), {
    type: 'Warning',
    reason: 'FailedRescale',
    message: 'New size: 4; reason: cpu resource utilization above target; error: the server is on fire',
  });
  assert.equal(failed.status.desiredReplicas, 2);
});
