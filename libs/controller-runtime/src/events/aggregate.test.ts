import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventName, newEvent, repeatPatch } from './aggregate.js';

const pod = { kind: 'Pod', namespace: 'shop', name: 'web-1', uid: 'u1' };
const created = { type: 'Normal' as const, reason: 'SuccessfulCreate', message: 'Created pod: web-1' };

test('the same event on the same object has the same name; another message does not', () => {
  assert.equal(eventName(pod, created, 'replicaset-controller'), eventName(pod, created, 'replicaset-controller'));
  assert.notEqual(eventName(pod, created, 'replicaset-controller'), eventName(pod, { ...created, message: 'other' }, 'replicaset-controller'));
  assert.match(eventName(pod, created, 'x'), /^web-1\.[0-9a-f]{16}$/);
});

test('a new event counts 1 with first and last timestamps; a repeat counts one more', () => {
  const now = new Date('2026-01-01T10:00:00.123Z');
  const event = newEvent(pod, created, 'replicaset-controller', now);
  assert.equal(event.count, 1);
  assert.equal(event.firstTimestamp, '2026-01-01T10:00:00Z');
  assert.equal(event.metadata.namespace, 'shop');
  assert.deepEqual(repeatPatch({ count: 4, metadata: { resourceVersion: '9' } }, new Date('2026-01-01T10:05:00Z')), {
    metadata: { resourceVersion: '9' },
    count: 5,
    lastTimestamp: '2026-01-01T10:05:00Z',
  });
});

test('regression (issue 14): the event of a 253-character pod is named within 253 characters, as a DNS subdomain', () => {
  const long = { ...pod, name: `${'a'.repeat(235)}-${'b'.repeat(17)}` };
  assert.equal(long.name.length, 253);
  const name = eventName(long, created, 'kubelet');
  assert.equal(name.length <= 253, true, `${name.length} characters`);
  assert.match(name, /^a{235}\.[0-9a-f]{16}$/, 'the cut does not leave a label ending in "-"');
  assert.notEqual(name, eventName({ ...long, uid: 'u2' }, created, 'kubelet'), 'still unique per object');
});
