// After Kubernetes' TestValidateResourceQuota and TestValidateLimitRange
// (pkg/apis/core/validation/validation_test.go): the cases this port supports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateResourceQuota } from './resource-quota.js';
import { validateLimitRange } from './limit-range.js';
import { fullText, summarise } from './fixtures.js';

const quota = (spec: Record<string, unknown>) => ({ metadata: { name: 'abc', namespace: 'foo' }, spec });
const computeHard = {
  cpu: '100',
  memory: '10000',
  'requests.cpu': '100',
  'requests.memory': '10000',
  'limits.cpu': '100',
  'limits.memory': '10000',
  pods: '10',
  services: '0',
  replicationcontrollers: '10',
  resourcequotas: '10',
  persistentvolumeclaims: '10',
  'requests.storage': '10G',
};

test('TestValidateResourceQuota', () => {
  const cases: [string, unknown, string[]][] = [
    ['valid', quota({ hard: computeHard }), []],
    ['object counts', quota({ hard: { 'count/deployments.apps': '5', 'count/configmaps': '3', configmaps: '3', secrets: '2' } }), []],
    ['extended resource', quota({ hard: { 'requests.example.com/dongle': '2' } }), []],
    ['terminating scope', quota({ hard: computeHard, scopes: ['Terminating'] }), []],
    ['best effort scope counts pods', quota({ hard: { pods: '5' }, scopes: ['BestEffort'] }), []],
    ['negative', quota({ hard: { cpu: '-1' } }), ['spec.hard[cpu] Invalid']],
    ['fractional pods', quota({ hard: { pods: '1.5' } }), ['spec.hard[pods] Invalid']],
    ['not a quantity', quota({ hard: { memory: 'lots' } }), ['spec.hard[memory] Invalid']],
    ['non-standard resource', quota({ hard: { disk: '10' } }), ['spec.hard[disk] Invalid']],
    ['unsupported scope', quota({ hard: { pods: '1' }, scopes: ['Sometimes'] }), ['spec.scopes[0] NotSupported']],
    ['PriorityClass needs scopeSelector, which is not served: refused, not ignored', quota({ hard: { pods: '1' }, scopes: ['PriorityClass'] }), ['spec.scopes[0] NotSupported']],
    ['conflicting terminating scopes', quota({ hard: { pods: '1' }, scopes: ['Terminating', 'NotTerminating'] }), ['spec.scopes Invalid']],
    ['conflicting best effort scopes', quota({ hard: { pods: '1' }, scopes: ['BestEffort', 'NotBestEffort'] }), ['spec.scopes Invalid']],
    ['best effort scope with compute resources', quota({ hard: { 'requests.cpu': '1' }, scopes: ['BestEffort'] }), ['spec.hard[requests.cpu] Invalid']],
  ];
  for (const [name, q, expected] of cases) assert.deepEqual(summarise(validateResourceQuota(q)), expected, name);
  assert.deepEqual(fullText(validateResourceQuota(quota({ hard: { disk: '10' } }))), ['spec.hard[disk]: Invalid value: "disk": must be a standard resource for quota']);
});

const limits = (...items: Record<string, unknown>[]) => ({ metadata: { name: 'abc', namespace: 'foo' }, spec: { limits: items } });

test('TestValidateLimitRange', () => {
  const cases: [string, unknown, string[]][] = [
    [
      'all-fields-valid',
      limits(
        { type: 'Pod', max: { cpu: '100m', memory: '10000Mi' }, min: { cpu: '5m', memory: '100Mi' }, maxLimitRequestRatio: { cpu: '10' } },
        {
          type: 'Container',
          max: { cpu: '100m', memory: '10000Mi' },
          min: { cpu: '5m', memory: '100Mi' },
          default: { cpu: '50m', memory: '500Mi' },
          defaultRequest: { cpu: '10m', memory: '200Mi' },
          maxLimitRequestRatio: { cpu: '10' },
        },
      ),
      [],
    ],
    ['default-limit-type-pod', limits({ type: 'Pod', default: { cpu: '1' } }), ['spec.limits[0].default Forbidden']],
    ['default-request-limit-type-pod', limits({ type: 'Pod', defaultRequest: { cpu: '1' } }), ['spec.limits[0].defaultRequest Forbidden']],
    ['min value greater than max value', limits({ type: 'Container', min: { cpu: '2' }, max: { cpu: '1' } }), ['spec.limits[0].min[cpu] Invalid']],
    ['min value greater than default request', limits({ type: 'Container', min: { cpu: '2' }, defaultRequest: { cpu: '1' } }), ['spec.limits[0].defaultRequest[cpu] Invalid']],
    [
      'default request greater than default limit',
      limits({ type: 'Container', default: { cpu: '1' }, defaultRequest: { cpu: '2' } }),
      ['spec.limits[0].defaultRequest[cpu] Invalid'],
    ],
    ['default greater than max', limits({ type: 'Container', default: { cpu: '2' }, max: { cpu: '1' } }), ['spec.limits[0].default[cpu] Invalid']],
    ['ratio less than 1', limits({ type: 'Container', maxLimitRequestRatio: { memory: '0.8' } }), ['spec.limits[0].maxLimitRequestRatio[memory] Invalid']],
    [
      'ratio greater than max/min',
      limits({ type: 'Container', min: { memory: '10' }, max: { memory: '20' }, maxLimitRequestRatio: { memory: '3' } }),
      ['spec.limits[0].maxLimitRequestRatio[memory] Invalid'],
    ],
    ['unknown type', limits({ type: 'Node' }), ['spec.limits[0].type NotSupported']],
    ['bad quantity', limits({ type: 'Container', max: { cpu: 'many' } }), ['spec.limits[0].max[cpu] Invalid']],
  ];
  for (const [name, l, expected] of cases) assert.deepEqual(summarise(validateLimitRange(l)), expected, name);
  assert.deepEqual(fullText(validateLimitRange(limits({ type: 'Container', min: { cpu: '2' }, max: { cpu: '1' } }))), [
    'spec.limits[0].min[cpu]: Invalid value: "2": min value 2 is greater than max value 1',
  ]);
});
