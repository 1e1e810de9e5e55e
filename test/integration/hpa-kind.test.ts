// The HorizontalPodAutoscaler kind on a real API: autoscaling/v1 manifests are converted on
// apply, defaults are filled, bad specs are refused with the field path.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => api?.close());

const APPLY = `mutation($m: String!) { apply(manifest: $m) { objects { apiVersion kind name action } } }`;
const V1 = `apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  name: php-apache
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: php-apache
  minReplicas: 1
  maxReplicas: 10
  targetCPUUtilizationPercentage: 50
`;

test('an autoscaling/v1 manifest (the docs’ php-apache) applies as autoscaling/v2 with a CPU Utilization metric', async () => {
  const { apply } = await api.ok(APPLY, { m: V1 });
  assert.deepEqual(apply.objects, [{ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', name: 'php-apache', action: 'created' }]);
  const { horizontalPodAutoscaler: h } = await api.ok(
    `query { horizontalPodAutoscaler(namespace: "default", name: "php-apache") { apiVersion spec { minReplicas maxReplicas metrics { type resource { name target { type averageUtilization } } } behavior { scaleUp { stabilizationWindowSeconds } } } } }`,
  );
  assert.equal(h.apiVersion, 'autoscaling/v2');
  assert.deepEqual(h.spec, {
    minReplicas: 1,
    maxReplicas: 10,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
    behavior: null,
  });
  const again = await api.ok(APPLY, { m: V1 });
  assert.equal(again.apply.objects[0].action, 'unchanged');
});

test('defaults: minReplicas 1, CPU at 80%, a given behavior completed', async () => {
  const { createHorizontalPodAutoscaler: h } = await api.ok(
    `mutation { createHorizontalPodAutoscaler(namespace: "default", input: { metadata: { name: "defaults" }, spec: { scaleTargetRef: { kind: "Deployment", name: "web" }, maxReplicas: 3, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } }) {
      spec { minReplicas metrics { resource { name target { averageUtilization } } } behavior { scaleUp { stabilizationWindowSeconds selectPolicy policies { type value periodSeconds } } scaleDown { stabilizationWindowSeconds selectPolicy policies { type value periodSeconds } } } } } }`,
  );
  assert.equal(h.spec.minReplicas, 1);
  assert.deepEqual(h.spec.metrics, [{ resource: { name: 'cpu', target: { averageUtilization: 80 } } }]);
  assert.deepEqual(h.spec.behavior, {
    scaleUp: {
      stabilizationWindowSeconds: 0,
      selectPolicy: 'Max',
      policies: [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ],
    },
    scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
  });
});

test('invalid specs are refused with the field path; a v1 manifest with v2 fields names the field', async () => {
  const bad = await api.gql(APPLY, { m: V1.replace('minReplicas: 1', 'minReplicas: 11') });
  assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.equal(bad.errors?.[0]?.extensions?.field, 'spec.maxReplicas');
  assert.match(bad.errors![0]!.message, /spec\.maxReplicas: Invalid value: 10: must be greater than or equal to `minReplicas`/);
  const v2Field = await api.gql(APPLY, { m: `${V1}  behavior: {}\n` });
  assert.equal(v2Field.errors?.[0]?.extensions?.field, 'spec.behavior');
  const policy = await api.gql(
    `mutation { createHorizontalPodAutoscaler(namespace: "default", input: { metadata: { name: "p" }, spec: { scaleTargetRef: { kind: "Deployment", name: "web" }, maxReplicas: 3, behavior: { scaleUp: { selectPolicy: "Sometimes" } } } }) { metadata { name } } }`,
  );
  assert.equal(policy.errors?.[0]?.extensions?.field, 'spec.behavior.scaleUp.selectPolicy');
});
