import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freePodCIDR, podCIDRAt } from './pod-cidr.js';

test('pod CIDRs are /24s of 127.64.0.0/10, in order', () => {
  assert.equal(podCIDRAt(0), '127.64.0.0/24');
  assert.equal(podCIDRAt(1), '127.64.1.0/24');
  assert.equal(podCIDRAt(256), '127.65.0.0/24');
  assert.equal(podCIDRAt(64 * 256 - 1), '127.127.255.0/24');
  assert.throws(() => podCIDRAt(64 * 256));
});

test('the first free /24 skips those other nodes hold', () => {
  assert.equal(freePodCIDR(new Set()), '127.64.0.0/24');
  assert.equal(freePodCIDR(new Set(['127.64.0.0/24', '127.64.2.0/24'])), '127.64.1.0/24');
});
