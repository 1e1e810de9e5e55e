import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../errors.js';
import { horizontalPodAutoscalerFor } from './autoscale.js';

const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' };

test('kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10', () => {
  assert.deepEqual(horizontalPodAutoscalerFor(deployment, { min: 1, max: 10, cpuPercent: 50 }), {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'php-apache' },
    spec: {
      scaleTargetRef: deployment,
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
    },
  });
});

test('unset --min and --cpu-percent are left to the server’s defaults; --name renames', () => {
  assert.deepEqual(horizontalPodAutoscalerFor({ apiVersion: 'v1', kind: 'ReplicationController', name: 'frontend' }, { max: 5, name: 'fe' }), {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'fe' },
    spec: { scaleTargetRef: { apiVersion: 'v1', kind: 'ReplicationController', name: 'frontend' }, maxReplicas: 5 },
  });
});

test('kubectl’s checks on --max and --min', () => {
  assert.throws(
    () => horizontalPodAutoscalerFor(deployment, {}),
    (e: unknown) => e instanceof UsageError && e.message === '--max=MAXPODS is required and must be at least 1, max: -1',
  );
  assert.throws(
    () => horizontalPodAutoscalerFor(deployment, { min: 5, max: 3 }),
    (e: unknown) => e instanceof UsageError && e.message === '--max=MAXPODS must be larger or equal to --min=MINPODS, max: 3, min: 5',
  );
});
