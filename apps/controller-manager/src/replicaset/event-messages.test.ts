import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podList } from './event-messages.js';

test('podList: one name, a few, and a long list cut after the limit', () => {
  assert.equal(podList(['a']), 'pod: a');
  assert.equal(podList(['a', 'b']), 'pods: a, b');
  assert.equal(podList(['a', 'b', 'c', 'd'], 2), '4 pods: a, b, and 2 more');
  assert.equal(podList(['a', 'b'], 2), 'pods: a, b');
});
