import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateEvent } from './event.js';
import { validateLease } from './lease.js';
import { validateNamespace, validateNamespaceStatusUpdate } from './namespace.js';
import { summarise } from './fixtures.js';

test('namespace', () => {
  const cases: [string, unknown, string[]][] = [
    ['empty', { metadata: { name: 'team-a' } }, []],
    ['defaulted', { metadata: { name: 'a' }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } }, []],
    ['terminating', { status: { phase: 'Terminating' } }, []],
    ['unknown phase', { status: { phase: 'Gone' } }, ['status.phase NotSupported']],
    ['domain finalizer', { spec: { finalizers: ['example.com/cleanup'] } }, []],
    ['bare finalizer must be standard', { spec: { finalizers: ['cleanup'] } }, ['spec.finalizers[0] Invalid']],
    ['duplicate finalizer', { spec: { finalizers: ['kubernetes', 'kubernetes'] } }, ['spec.finalizers[1] Duplicate']],
  ];
  for (const [name, ns, expected] of cases) assert.deepEqual(summarise(validateNamespace(ns)), expected, name);
  const deleting = { metadata: { name: 'a', deletionTimestamp: '2024-01-01T00:00:00Z' } };
  assert.deepEqual(validateNamespaceStatusUpdate({ ...deleting, status: { phase: 'Terminating' } }), []);
  assert.deepEqual(summarise(validateNamespaceStatusUpdate({ ...deleting, status: { phase: 'Active' } })), ['status.phase Invalid']);
  assert.deepEqual(summarise(validateNamespaceStatusUpdate({ metadata: { name: 'a' }, status: { phase: 'Terminating' } })), ['status.phase Invalid']);
});

test('event', () => {
  const valid = {
    metadata: { name: 'web.17a', namespace: 'default' },
    involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
    reason: 'Scheduled',
    message: 'Successfully assigned default/web to node-1',
    type: 'Normal',
    count: 1,
    firstTimestamp: '2024-01-01T00:00:00Z',
    lastTimestamp: '2024-01-01T00:00:05Z',
  };
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['valid', {}, []],
    ['warning', { type: 'Warning' }, []],
    ['type unset (defaults to Normal)', { type: undefined }, []],
    ['unknown type', { type: 'Error' }, ['type NotSupported']],
    ['involvedObject required', { involvedObject: undefined }, ['involvedObject Required']],
    ['involvedObject kind and name', { involvedObject: { namespace: 'default' } }, ['involvedObject.kind Required', 'involvedObject.name Required']],
    ['namespaces must agree', { involvedObject: { kind: 'Pod', name: 'web', namespace: 'other' } }, ['involvedObject.namespace Invalid']],
    ['cluster-scoped object, event in default', { involvedObject: { kind: 'Node', name: 'node-1' } }, []],
    [
      'cluster-scoped object, event elsewhere',
      { metadata: { name: 'e', namespace: 'kube-system' }, involvedObject: { kind: 'Node', name: 'node-1' } },
      ['involvedObject.namespace Invalid'],
    ],
    ['reason required', { reason: '' }, ['reason Required']],
    ['count not negative', { count: -1 }, ['count Invalid']],
    ['count 0', { count: 0 }, []],
    ['timestamps', { lastTimestamp: 'now' }, ['lastTimestamp Invalid']],
  ];
  for (const [name, change, expected] of cases) assert.deepEqual(summarise(validateEvent({ ...valid, ...change })), expected, name);
});

test('lease', () => {
  const cases: [string, unknown, string[]][] = [
    ['empty', {}, []],
    [
      'valid',
      { holderIdentity: 'node-1', leaseDurationSeconds: 40, leaseTransitions: 0, acquireTime: '2024-01-01T00:00:00.000000Z', renewTime: '2024-01-01T00:00:10.123456Z' },
      [],
    ],
    ['duration 0', { leaseDurationSeconds: 0 }, ['spec.leaseDurationSeconds Invalid']],
    ['duration negative', { leaseDurationSeconds: -5 }, ['spec.leaseDurationSeconds Invalid']],
    ['transitions negative', { leaseTransitions: -1 }, ['spec.leaseTransitions Invalid']],
    ['renewTime', { renewTime: 'soon' }, ['spec.renewTime Invalid']],
  ];
  for (const [name, spec, expected] of cases) assert.deepEqual(summarise(validateLease({ metadata: { name: 'l' }, spec })), expected, name);
});
