import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnsFor } from './columns.js';

const now = Date.parse('2026-01-01T01:00:00Z');
const metadata = { name: 'x', namespace: 'ns', creationTimestamp: '2026-01-01T00:00:00Z' };

test('configmaps: NAME DATA AGE, counting data and binaryData keys', () => {
  assert.deepEqual(columnsFor('ConfigMap').headers, ['NAME', 'DATA', 'AGE']);
  assert.deepEqual(columnsFor('ConfigMap').row({ metadata, data: { a: '1' }, binaryData: { b: 'AA==' } }, now), ['x', '2', '60m']);
  assert.deepEqual(columnsFor('ConfigMap').row({ metadata }, now), ['x', '0', '60m']);
});

test('secrets: NAME TYPE DATA AGE', () => {
  assert.deepEqual(columnsFor('Secret').headers, ['NAME', 'TYPE', 'DATA', 'AGE']);
  assert.deepEqual(columnsFor('Secret').row({ metadata, type: 'kubernetes.io/tls', data: { 'tls.crt': 'AA==', 'tls.key': 'AA==' } }, now), ['x', 'kubernetes.io/tls', '2', '60m']);
});

test('quota: NAME AGE REQUEST LIMIT with used/hard per resource, as kubectl prints it; limitranges: NAME CREATED AT', () => {
  const quota = {
    metadata,
    spec: { hard: { pods: '10', 'requests.cpu': '4', 'limits.memory': '2Gi' } },
    status: { hard: { pods: '10', 'requests.cpu': '4', 'limits.memory': '2Gi' }, used: { pods: '2', 'requests.cpu': '1500m', 'limits.memory': '0' } },
  };
  assert.deepEqual(columnsFor('ResourceQuota').headers, ['NAME', 'AGE', 'REQUEST', 'LIMIT']);
  assert.deepEqual(columnsFor('ResourceQuota').row(quota, now), ['x', '60m', 'pods: 2/10, requests.cpu: 1500m/4', 'limits.memory: 0/2Gi']);
  assert.deepEqual(columnsFor('LimitRange').row({ metadata }, now), ['x', '2026-01-01T00:00:00Z']);
});
