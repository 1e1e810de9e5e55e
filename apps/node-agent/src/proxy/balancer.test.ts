import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Balancer } from './balancer.js';
import type { ProxyRule } from './rules.js';

const rule = (backends: string[], affinityTimeoutSeconds?: number): ProxyRule => ({
  key: 'TCP/127.16.0.20:80',
  servicePort: 'default/web:http',
  kind: 'ClusterIP',
  protocol: 'TCP',
  address: '127.16.0.20',
  port: 80,
  backends: backends.map((ip) => ({ ip, port: 8080 })),
  ...(affinityTimeoutSeconds === undefined ? {} : { affinityTimeoutSeconds }),
});
const picks = (b: Balancer, r: ProxyRule, n: number, client = '127.0.0.1') => Array.from({ length: n }, () => b.pick(r, client)?.ip);

test('round-robin over the backends, from any client', () => {
  const b = new Balancer();
  assert.deepEqual(picks(b, rule(['a', 'b', 'c']), 6), ['a', 'b', 'c', 'a', 'b', 'c']);
});

test('no backend: undefined; failed backends are skipped', () => {
  const b = new Balancer();
  assert.equal(b.pick(rule([]), 'x'), undefined);
  assert.equal(b.pick(rule(['a', 'b']), 'x', new Set(['a:8080']))?.ip, 'b');
  assert.equal(b.pick(rule(['a']), 'x', new Set(['a:8080'])), undefined);
});

test('ClientIP affinity: a client sticks to its backend until the timeout, others still rotate', () => {
  let now = 0;
  const b = new Balancer(() => now);
  const r = rule(['a', 'b', 'c'], 10);
  assert.deepEqual(picks(b, r, 3, 'client-1'), ['a', 'a', 'a']);
  assert.deepEqual(picks(b, r, 1, 'client-2'), ['b']);
  now += 9_000;
  assert.equal(b.pick(r, 'client-1')?.ip, 'a', 'each use renews the timeout');
  now += 10_001;
  assert.equal(b.pick(r, 'client-1')?.ip, 'c', 'expired: the next in turn');
});

test('ClientIP affinity: a backend that left the rule is not kept', () => {
  const b = new Balancer(() => 0);
  assert.equal(b.pick(rule(['a', 'b'], 60), 'c1')?.ip, 'a');
  assert.equal(b.pick(rule(['b'], 60), 'c1')?.ip, 'b');
});
