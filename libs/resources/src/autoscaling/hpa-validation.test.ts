// After Kubernetes' pkg/apis/autoscaling/validation/validation_test.go (TestValidateHorizontalPodAutoscaler,
// TestValidateBehavior) and pkg/apis/autoscaling/v2/defaults_test.go (TestGenerateScaleUpRules /
// TestGenerateScaleDownRules, TestSetDefaultHPA), and the v1 conversion of targetCPUUtilizationPercentage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../api-error.js';
import { defaultHorizontalPodAutoscaler } from './hpa-defaults.js';
import { validateHorizontalPodAutoscaler } from './hpa-validation.js';
import { convertHorizontalPodAutoscalerV1 } from './hpa-v1.js';
import type { HorizontalPodAutoscalerSpecLike, MetricSpec } from './hpa-types.js';

const ref = { kind: 'ReplicationController', name: 'myrc', apiVersion: 'v1' };
const cpu = (target: Record<string, unknown>): MetricSpec => ({ type: 'Resource', resource: { name: 'cpu', target: target as never } });
const valid = (spec: HorizontalPodAutoscalerSpecLike = {}) => ({
  spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 5, metrics: [cpu({ type: 'Utilization', averageUtilization: 70 })], ...spec },
});
const errorsOf = (spec: HorizontalPodAutoscalerSpecLike) => validateHorizontalPodAutoscaler(valid(spec)).map((e) => `${e.field}: ${e.message}`);

test('TestValidateHorizontalPodAutoscaler: valid autoscalers', () => {
  const cases: HorizontalPodAutoscalerSpecLike[] = [
    {},
    { metrics: [cpu({ type: 'AverageValue', averageValue: '100m' })] },
    { metrics: [{ type: 'Pods', pods: { metric: { name: 'somemetric' }, target: { type: 'AverageValue', averageValue: '100m' } } }] },
    {
      metrics: [
        { type: 'Object', object: { describedObject: { kind: 'ReplicationController', name: 'myrc' }, metric: { name: 'somemetric' }, target: { type: 'Value', value: '100m' } } },
      ],
    },
    { metrics: [{ type: 'External', external: { metric: { name: 'somemetric', selector: { matchLabels: { label: 'value' } } }, target: { type: 'Value', value: 300 } } }] },
    { metrics: [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'test-container', target: { type: 'Utilization', averageUtilization: 70 } } }] },
    { behavior: { scaleUp: { stabilizationWindowSeconds: 3600, selectPolicy: 'Min', policies: [{ type: 'Pods', value: 1, periodSeconds: 1800 }] } } },
  ];
  for (const spec of cases) assert.deepEqual(errorsOf(spec), [], JSON.stringify(spec));
});

test('TestValidateHorizontalPodAutoscaler: error cases', () => {
  const cases: [HorizontalPodAutoscalerSpecLike, string][] = [
    [{ scaleTargetRef: { name: 'myrc' } }, 'spec.scaleTargetRef.kind: Required value'],
    [{ scaleTargetRef: { kind: '..', name: 'myrc' } }, `spec.scaleTargetRef.kind: Invalid value: "..": may not be '..'`],
    [{ scaleTargetRef: { kind: 'ReplicationController' } }, 'spec.scaleTargetRef.name: Required value'],
    [{ scaleTargetRef: { kind: 'ReplicationController', name: 'my/rc' } }, `spec.scaleTargetRef.name: Invalid value: "my/rc": may not contain '/'`],
    [{ minReplicas: 0 }, 'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1'],
    [{ minReplicas: 7 }, 'spec.maxReplicas: Invalid value: 5: must be greater than or equal to `minReplicas`'],
    [{ metrics: [cpu({ type: 'Utilization', averageUtilization: -10 })] }, 'spec.metrics[0].resource.target.averageUtilization: Invalid value: -10: must be greater than 0'],
    [{ metrics: [cpu({ type: 'Utilization' })] }, 'spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization'],
    [
      { metrics: [cpu({ type: 'Utilization', averageUtilization: 70, averageValue: '100' })] },
      'spec.metrics[0].resource.target.averageValue: Forbidden: may not set both a target raw value and a target utilization',
    ],
    [
      { metrics: [{ type: 'Resource', resource: { target: { type: 'Utilization', averageUtilization: 70 } } }] },
      'spec.metrics[0].resource.name: Required value: must specify a resource name',
    ],
    [{ metrics: [cpu({ averageUtilization: 70 })] }, 'spec.metrics[0].resource.target.type: Required value: must specify a metric target type'],
    [{ metrics: [cpu({ type: 'AverageValue', averageValue: '-1' })] }, 'spec.metrics[0].resource.target.averageValue: Invalid value: "-1": must be positive'],
    [
      { metrics: [{ type: 'Pods', pods: { metric: { name: 'somemetric' }, target: { type: 'Value', value: '100' } } }] },
      'spec.metrics[0].pods.target.averageValue: Required value: must specify a positive target averageValue',
    ],
    [
      { metrics: [{ type: 'Pods', pods: { metric: {}, target: { type: 'AverageValue', averageValue: '1' } } }] },
      'spec.metrics[0].pods.metric.name: Required value: must specify a metric name',
    ],
    [
      { metrics: [{ type: 'Object', object: { describedObject: { name: 'myrc' }, metric: { name: 'somemetric' }, target: { type: 'Value', value: '100m' } } }] },
      'spec.metrics[0].object.describedObject.kind: Required value',
    ],
    [
      { metrics: [{ type: 'External', external: { metric: { name: 'm' }, target: { type: 'Value', value: '1', averageValue: '1' } } }] },
      'spec.metrics[0].external.target.value: Forbidden: may not set both a target value for metric and a per-pod target',
    ],
    [
      {
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
            pods: { metric: { name: 'm' }, target: { type: 'AverageValue', averageValue: '1' } },
          },
        ],
      },
      'spec.metrics[0].pods: Forbidden: must populate the given metric source only',
    ],
    [
      { metrics: [{ type: 'Resource', pods: { metric: { name: 'm' }, target: { type: 'AverageValue', averageValue: '1' } } }] },
      'spec.metrics[0].resource: Required value: must populate information for the given metric source',
    ],
    [
      { metrics: [{ type: 'boogity', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] },
      'spec.metrics[0].type: Unsupported value: "boogity": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"',
    ],
    [
      { metrics: [{ type: 'ContainerResource', containerResource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] },
      'spec.metrics[0].containerResource.container: Required value: must specify a container',
    ],
  ];
  for (const [spec, expected] of cases) assert.ok(errorsOf(spec).includes(expected), `${expected}\n  got: ${JSON.stringify(errorsOf(spec))}`);
});

test('TestValidateBehavior: stabilization window, selectPolicy and policies', () => {
  const rules = (r: Record<string, unknown>) => ({ behavior: { scaleUp: { policies: [{ type: 'Pods', value: 1, periodSeconds: 15 }], ...r } } });
  const cases: [HorizontalPodAutoscalerSpecLike, string][] = [
    [rules({ stabilizationWindowSeconds: -1 }), 'spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: -1: must be greater than or equal to zero'],
    [rules({ stabilizationWindowSeconds: 3601 }), 'spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: 3601: must be less than or equal to 3600'],
    [rules({ selectPolicy: 'foo' }), 'spec.behavior.scaleUp.selectPolicy: Unsupported value: "foo": supported values: "Disabled", "Max", "Min"'],
    [rules({ policies: [] }), 'spec.behavior.scaleUp.policies: Required value: must specify at least one Policy'],
    [rules({ policies: [{ type: 'foo', value: 1, periodSeconds: 1 }] }), 'spec.behavior.scaleUp.policies[0].type: Unsupported value: "foo": supported values: "Percent", "Pods"'],
    [rules({ policies: [{ type: 'Pods', value: 0, periodSeconds: 1 }] }), 'spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero'],
    [rules({ policies: [{ type: 'Pods', value: 1, periodSeconds: 0 }] }), 'spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 0: must be greater than zero'],
    [
      rules({ policies: [{ type: 'Pods', value: 1, periodSeconds: 1801 }] }),
      'spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 1801: must be less than or equal to 1800',
    ],
  ];
  for (const [spec, expected] of cases) assert.deepEqual(errorsOf(spec), [expected]);
});

test('TestSetDefaultHPA: minReplicas 1 and CPU at 80% when no metric is named; no behavior is invented', () => {
  const defaulted = defaultHorizontalPodAutoscaler({ spec: { scaleTargetRef: ref, maxReplicas: 3 } });
  assert.equal(defaulted.spec.minReplicas, 1);
  assert.deepEqual(defaulted.spec.metrics, [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
  assert.equal(defaulted.spec.behavior, undefined);
  assert.equal(defaultHorizontalPodAutoscaler({ spec: { minReplicas: 3, maxReplicas: 3 } }).spec.minReplicas, 3);
});

test('TestGenerateScaleUpRules / TestGenerateScaleDownRules: a given behavior has its unset fields from the defaults', () => {
  const up = defaultHorizontalPodAutoscaler({ spec: { behavior: { scaleDown: { stabilizationWindowSeconds: 30 } } } }).spec.behavior!;
  assert.deepEqual(up.scaleUp, {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  });
  assert.deepEqual(up.scaleDown, { stabilizationWindowSeconds: 30, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] });
  const custom = defaultHorizontalPodAutoscaler({ spec: { behavior: { scaleUp: { selectPolicy: 'Min', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } } } }).spec
    .behavior!;
  assert.deepEqual(custom.scaleUp, { stabilizationWindowSeconds: 0, selectPolicy: 'Min', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] });
  // The scale-down window stays unset: the controller's default (300s) applies.
  assert.equal(custom.scaleDown?.stabilizationWindowSeconds, undefined);
});

test('autoscaling/v1: targetCPUUtilizationPercentage becomes a CPU Utilization metric; v2 fields are refused', () => {
  const v2 = convertHorizontalPodAutoscalerV1({
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'php-apache' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' }, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 },
  });
  assert.deepEqual(v2, {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'php-apache' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' },
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
    },
  });
  const noTarget = convertHorizontalPodAutoscalerV1({ apiVersion: 'autoscaling/v1', spec: { scaleTargetRef: ref, maxReplicas: 2 } });
  assert.deepEqual(noTarget.spec, { scaleTargetRef: ref, maxReplicas: 2 });
  assert.throws(
    () => convertHorizontalPodAutoscalerV1({ apiVersion: 'autoscaling/v1', spec: { maxReplicas: 2, metrics: [] } }),
    (e: unknown) => e instanceof ApiError && e.field === 'spec.metrics',
  );
});
