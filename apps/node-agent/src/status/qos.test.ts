import { test } from 'node:test';
import assert from 'node:assert/strict';
import { qosClass } from './qos.js';

const c = (resources?: { limits?: Record<string, string>; requests?: Record<string, string> }) => ({ name: 'c', resources });

test('no requests or limits: BestEffort', () => {
  assert.equal(qosClass({ containers: [c(), c({})] }), 'BestEffort');
});

test('limits for cpu and memory equal to the requests (or without requests) in every container: Guaranteed', () => {
  assert.equal(qosClass({ containers: [c({ limits: { cpu: '500m', memory: '64Mi' } })] }), 'Guaranteed');
  assert.equal(qosClass({ containers: [c({ limits: { cpu: '0.5', memory: '64Mi' }, requests: { cpu: '500m', memory: '64Mi' } })] }), 'Guaranteed');
});

test('anything in between: Burstable', () => {
  assert.equal(qosClass({ containers: [c({ requests: { cpu: '100m' } })] }), 'Burstable');
  assert.equal(qosClass({ containers: [c({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } })] }), 'Burstable');
  assert.equal(qosClass({ containers: [c({ limits: { cpu: '1', memory: '1Gi' } }), c()] }), 'Burstable');
  assert.equal(qosClass({ initContainers: [c({ requests: { memory: '1Mi' } })], containers: [c()] }), 'Burstable');
});
