import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Clock } from '@wheelhouse/controller-runtime';
import { TaintingLimiter } from './tainting-limiter.js';

function fakeClock(): Clock & { advance(ms: number): void } {
  let ms = 1_000_000;
  return { now: () => ms, setTimeout: () => undefined, clearTimeout: () => {}, advance: (by) => (ms += by) };
}

test('one node per 10 s per zone at 0.1/s: the first at once, the next waits its turn and keeps it', () => {
  const clock = fakeClock();
  const limiter = new TaintingLimiter(clock, { normal: 0.1, secondary: 0.01 });
  assert.equal(limiter.admit('a', 'z', 'normal'), 0);
  assert.equal(limiter.admit('b', 'z', 'normal'), 10_000);
  assert.equal(limiter.admit('c', 'z', 'normal'), 20_000);
  clock.advance(4_000);
  assert.equal(limiter.admit('b', 'z', 'normal'), 6_000, 'asking again does not take another token');
  clock.advance(6_000);
  assert.equal(limiter.admit('b', 'z', 'normal'), 0);
  assert.equal(limiter.admit('other-zone-node', 'y', 'normal'), 0, 'zones have their own buckets');
});

test('the secondary rate is slower; 0 means no limit; a released node frees nothing but its turn', () => {
  const clock = fakeClock();
  const limiter = new TaintingLimiter(clock, { normal: 0, secondary: 0.01 });
  assert.equal(limiter.admit('a', 'z', 'normal'), 0);
  assert.equal(limiter.admit('b', 'z', 'normal'), 0);
  assert.equal(limiter.admit('c', 'z', 'secondary'), 0);
  assert.equal(limiter.admit('d', 'z', 'secondary'), 100_000);
  limiter.release('d');
  assert.equal(limiter.admit('e', 'z', 'secondary'), 200_000);
});
