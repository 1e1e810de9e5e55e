import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IpAllocator, IpRangeExhaustedError } from './ip-allocator.js';
import { parseLoopbackCidr } from './cidr.js';

test('addresses come in order, skipping the network address', () => {
  const a = new IpAllocator('127.1.0.0/16');
  assert.equal(a.allocate('p1'), '127.1.0.1');
  assert.equal(a.allocate('p2'), '127.1.0.2');
  assert.equal(a.allocate('p1'), '127.1.0.1', 'an owner keeps its address');
});

test('a /30 has two usable addresses; a third pod exhausts the range', () => {
  const a = new IpAllocator('127.9.9.4/30');
  assert.equal(a.allocate('a'), '127.9.9.5');
  assert.equal(a.allocate('b'), '127.9.9.6');
  assert.throws(
    () => a.allocate('c'),
    (e) => e instanceof IpRangeExhaustedError && e.message === 'no IP addresses available in range set: 127.9.9.5-127.9.9.6',
  );
});

test('a released address is reused once the others are taken, not at once', () => {
  const a = new IpAllocator('127.9.9.0/29'); // .1 to .6
  for (const owner of ['a', 'b', 'c']) a.allocate(owner);
  assert.equal(a.release('b'), '127.9.9.2');
  assert.equal(a.allocate('d'), '127.9.9.4');
  a.allocate('e');
  a.allocate('f');
  assert.equal(a.allocate('g'), '127.9.9.2', 'wraps around to the freed address');
  assert.throws(() => a.allocate('h'), IpRangeExhaustedError);
  assert.equal(a.release('nobody'), undefined);
});

test('127.0.0.1 is never handed out', () => {
  const a = new IpAllocator('127.0.0.0/30');
  assert.equal(a.allocate('a'), '127.0.0.2');
  assert.throws(() => a.allocate('b'), IpRangeExhaustedError);
});

test('a requested address is re-claimed when free and in range', () => {
  const a = new IpAllocator('127.1.0.0/16');
  assert.equal(a.allocate('p1', '127.1.3.7'), '127.1.3.7');
  assert.equal(a.allocate('p2', '127.1.3.7'), '127.1.0.1', 'taken by another owner: a fresh one');
  assert.equal(a.allocate('p3', '127.2.0.1'), '127.1.0.2', 'outside the range: a fresh one');
  assert.equal(a.allocate('p4', '127.1.255.255'), '127.1.0.3', 'the broadcast address is never given');
});

test('claims loaded after a restart are kept and skipped', () => {
  const a = new IpAllocator('127.1.0.0/16', [
    ['127.1.0.1', 'old'],
    ['127.1.0.2', 'older'],
    ['127.5.0.1', 'stray'],
  ]);
  assert.equal(a.ipOf('old'), '127.1.0.1');
  assert.equal(a.ipOf('stray'), undefined);
  assert.equal(a.allocate('new'), '127.1.0.3');
  assert.equal(a.allocatedCount, 3);
});

test('pod ranges must lie inside 127.0.0.0/8', () => {
  assert.throws(() => new IpAllocator('10.0.0.0/16'), /must lie inside 127\.0\.0\.0\/8/);
  assert.throws(() => new IpAllocator('192.168.1.0/24'), /must lie inside 127\.0\.0\.0\/8/);
  assert.throws(() => new IpAllocator('0.0.0.0/0'), /must lie inside/);
  assert.throws(() => new IpAllocator('127.1.0.0/31'), /too small/);
  assert.throws(() => new IpAllocator('127.1.0.0'), /invalid CIDR/);
  assert.throws(() => new IpAllocator('127.1.300.0/24'), /invalid IPv4/);
  assert.equal(parseLoopbackCidr('127.1.2.3/16').cidr, '127.1.0.0/16');
});
