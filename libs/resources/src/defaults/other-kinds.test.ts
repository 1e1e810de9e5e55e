import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultEvent } from './event.js';
import { defaultLease } from './lease.js';
import { defaultNamespace } from './namespace.js';
import { defaultNode } from './node.js';

type Json = Record<string, any>;

test('namespace defaults', () => {
  const input = { metadata: { name: 'team-a', labels: { owner: 'x' } } };
  const ns: Json = defaultNamespace(input);
  assert.deepEqual(ns, {
    metadata: { name: 'team-a', labels: { owner: 'x', 'kubernetes.io/metadata.name': 'team-a' } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  });
  assert.deepEqual(input, { metadata: { name: 'team-a', labels: { owner: 'x' } } }, 'input untouched');
  const emptied: Json = defaultNamespace({ metadata: { name: 'a' }, spec: { finalizers: [] }, status: { phase: 'Terminating' } });
  assert.deepEqual(emptied.spec.finalizers, [], 'an emptied finalizer list stays empty');
  assert.equal(emptied.status.phase, 'Terminating');
});

test('node defaults: allocatable is capacity unless given', () => {
  const input = { metadata: { name: 'n' }, status: { capacity: { cpu: 4, memory: '16Gi', pods: 110 } } };
  const node: Json = defaultNode(input);
  assert.deepEqual(node.status.capacity, { cpu: '4', memory: '16Gi', pods: '110' });
  assert.deepEqual(node.status.allocatable, { cpu: '4', memory: '16Gi', pods: '110' });
  assert.notEqual(node.status.allocatable, node.status.capacity);
  assert.deepEqual(node.spec, {});
  assert.deepEqual(input.status.capacity, { cpu: 4, memory: '16Gi', pods: 110 }, 'input untouched');
  const given: Json = defaultNode({ status: { capacity: { cpu: '4' }, allocatable: { cpu: 3.5 } } });
  assert.deepEqual(given.status.allocatable, { cpu: '3500m' });
});

test('event defaults take the time as a parameter', () => {
  const now = new Date('2024-05-01T12:34:56.789Z');
  const input = { metadata: { name: 'e', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'p' }, reason: 'Started' };
  const event: Json = defaultEvent(input, now);
  assert.equal(event.count, 1);
  assert.equal(event.type, 'Normal');
  assert.equal(event.firstTimestamp, '2024-05-01T12:34:56Z');
  assert.equal(event.lastTimestamp, '2024-05-01T12:34:56Z');
  assert.equal('count' in input, false, 'input untouched');
  const repeat: Json = defaultEvent({ ...input, type: 'Warning', count: 5, firstTimestamp: '2024-01-01T00:00:00Z' }, now);
  assert.deepEqual([repeat.type, repeat.count, repeat.firstTimestamp, repeat.lastTimestamp], ['Warning', 5, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z']);
  const lastOnly: Json = defaultEvent({ ...input, lastTimestamp: '2024-02-02T00:00:00Z' }, now);
  assert.equal(lastOnly.firstTimestamp, '2024-02-02T00:00:00Z');
  assert.deepEqual(defaultEvent(input, now), defaultEvent(input, now), 'pure: same input, same output');
});

test('lease defaults', () => {
  assert.deepEqual(defaultLease({ metadata: { name: 'l' } }), { metadata: { name: 'l' }, spec: {} });
  const lease = { metadata: { name: 'l' }, spec: { holderIdentity: 'a' } };
  assert.deepEqual(defaultLease(lease), lease);
  assert.notEqual(defaultLease(lease), lease);
});
