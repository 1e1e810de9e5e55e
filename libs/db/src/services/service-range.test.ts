import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inRange, nthAddress, numberToIp, parseNodePortRange, parseServiceCidr, randomCandidates } from './service-range.js';

test('service CIDR: network and broadcast are not handed out; the static band is size/16 within [16, 256]', () => {
  const r = parseServiceCidr('127.16.0.0/12');
  assert.equal(numberToIp(r.first), '127.16.0.1');
  assert.equal(numberToIp(r.last), '127.31.255.254');
  assert.equal(numberToIp(r.dynamicFrom), '127.16.1.1', '256 static addresses');
  assert.equal(nthAddress(r, 10), '127.16.0.10');
  const small = parseServiceCidr('127.16.0.0/28');
  assert.equal(small.dynamicFrom, small.last, 'a tiny range is all static but the last address');
  assert.throws(() => parseServiceCidr('127.16.0.1/12'), /host bits set/);
  assert.throws(() => parseServiceCidr('fd00::/108'), /IPv4 CIDR/);
});

test('NodePort range: 30000-32767 has a static band of 173 ports', () => {
  const r = parseNodePortRange('30000-32767');
  assert.deepEqual([r.first, r.last, r.dynamicFrom], [30000, 32767, 30173]);
  assert.ok(inRange(r, 30000) && inRange(r, 32767) && !inRange(r, 29999) && !inRange(r, 32768));
  assert.throws(() => parseNodePortRange('32767-30000'));
});

test('candidates come from the dynamic band first, are distinct, skip excluded values, and run out only on a full range', () => {
  const r = parseNodePortRange('30000-30099');
  const first = randomCandidates(r, 16, new Set());
  assert.equal(new Set(first).size, 16);
  assert.ok(first.every((p) => p >= r.dynamicFrom));
  const exclude = new Set<number>();
  for (let p = r.dynamicFrom; p <= r.last; p++) exclude.add(p);
  const fallback = randomCandidates(r, 16, exclude);
  assert.ok(fallback.length === 16 && fallback.every((p) => p < r.dynamicFrom), 'static band once the dynamic band is used up');
  for (let p = r.first; p < r.dynamicFrom; p++) exclude.add(p);
  assert.deepEqual(randomCandidates(r, 16, exclude), []);
  // Every value is reachable: with all but one excluded, that one is found.
  exclude.delete(30042);
  assert.deepEqual(randomCandidates(r, 16, exclude), [30042]);
});
