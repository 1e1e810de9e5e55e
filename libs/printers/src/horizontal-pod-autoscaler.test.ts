import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HorizontalPodAutoscaler } from '@wheelhouse/model';
import { PRINTERS, printHeaders, printRow } from './columns.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const ref = { kind: 'ReplicationController', name: 'some-rc' };
const hpa = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) =>
  ({ metadata: { name: 'some-hpa', creationTimestamp: '2026-01-01T00:00:00Z' }, spec: { scaleTargetRef: ref, maxReplicas: 10, ...spec }, status }) as HorizontalPodAutoscaler;
const cpuUtil = (target?: number) => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', ...(target ? { averageUtilization: target } : {}) } } });

/** kubectl TestPrintHPA (pkg/printers/internalversion/printers_test.go), in its current (name-prefixed) form. */
test('HorizontalPodAutoscaler columns: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE', () => {
  assert.deepEqual(printHeaders(PRINTERS.HorizontalPodAutoscaler!), ['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age']);
  const cases: [string, HorizontalPodAutoscaler, string[]][] = [
    ['minReplicas unset, no metrics', hpa({}, { currentReplicas: 4 }), ['some-hpa', 'ReplicationController/some-rc', '<none>', '<unset>', '10', '4', '0s']],
    [
      'external source type, target average value (no current)',
      hpa(
        { minReplicas: 2, metrics: [{ type: 'External', external: { metric: { name: 'some-external-metric' }, target: { type: 'AverageValue', averageValue: '100m' } } }] },
        { currentReplicas: 4 },
      ),
      ['some-hpa', 'ReplicationController/some-rc', '<unknown>/100m (avg)', '2', '10', '4', '0s'],
    ],
    [
      'external source type, target value',
      hpa(
        { minReplicas: 2, metrics: [{ type: 'External', external: { metric: { name: 'm' }, target: { type: 'Value', value: '100m' } } }] },
        { currentReplicas: 4, currentMetrics: [{ type: 'External', external: { metric: { name: 'm' }, current: { value: '50m' } } }] },
      ),
      ['some-hpa', 'ReplicationController/some-rc', '50m/100m', '2', '10', '4', '0s'],
    ],
    [
      'pods source type (no current)',
      hpa(
        { minReplicas: 2, metrics: [{ type: 'Pods', pods: { metric: { name: 'some-pods-metric' }, target: { type: 'AverageValue', averageValue: '100m' } } }] },
        { currentReplicas: 4 },
      ),
      ['some-hpa', 'ReplicationController/some-rc', '<unknown>/100m', '2', '10', '4', '0s'],
    ],
    [
      'resource source type, target average value (with current)',
      hpa(
        { minReplicas: 2, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '100m' } } }] },
        { currentReplicas: 4, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '50m' } } }] },
      ),
      ['some-hpa', 'ReplicationController/some-rc', 'cpu: 50m/100m', '2', '10', '4', '0s'],
    ],
    [
      'resource source type, target utilization (no current)',
      hpa({ minReplicas: 2, metrics: [cpuUtil(80)] }, { currentReplicas: 4 }),
      ['some-hpa', 'ReplicationController/some-rc', 'cpu: <unknown>/80%', '2', '10', '4', '0s'],
    ],
    [
      'resource source type, target utilization (with current)',
      hpa(
        { minReplicas: 2, metrics: [cpuUtil(80)] },
        { currentReplicas: 4, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 50, averageValue: '10' } } }] },
      ),
      ['some-hpa', 'ReplicationController/some-rc', 'cpu: 50%/80%', '2', '10', '4', '0s'],
    ],
    [
      'resource without a target utilization',
      hpa({ minReplicas: 2, metrics: [cpuUtil()] }),
      ['some-hpa', 'ReplicationController/some-rc', 'cpu: <unknown>/<auto>', '2', '10', '0', '0s'],
    ],
    [
      'multiple specs',
      hpa(
        {
          minReplicas: 2,
          metrics: [
            { type: 'Pods', pods: { metric: { name: 'p' }, target: { type: 'AverageValue', averageValue: '100m' } } },
            cpuUtil(80),
            { type: 'Pods', pods: { metric: { name: 'q' }, target: { type: 'AverageValue', averageValue: '100m' } } },
          ],
        },
        {
          currentReplicas: 4,
          currentMetrics: [
            { type: 'Pods', pods: { metric: { name: 'p' }, current: { averageValue: '50m' } } },
            { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 50 } } },
          ],
        },
      ),
      ['some-hpa', 'ReplicationController/some-rc', '50m/100m, cpu: 50%/80% + 1 more...', '2', '10', '4', '0s'],
    ],
  ];
  for (const [name, o, expected] of cases) assert.deepEqual(printRow(PRINTERS.HorizontalPodAutoscaler!, o, NOW), expected, name);
});
