import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SchedulerCache } from './cache.js';
import { decideBatch } from './decide-batch.js';
import { makeNode, makePod } from './test-fixtures.js';

test('a batch never over-commits: each pod sees the ones decided before it', () => {
  const cache = new SchedulerCache();
  for (const n of ['n1', 'n2', 'n3']) cache.setNode(makeNode(n, { cpu: '2', memory: '4Gi', pods: 10 }));
  const pods = Array.from({ length: 8 }, (_, i) => ({ key: `default/web-${i}`, pod: makePod(`web-${i}`, { requests: [{ cpu: '700m', memory: '64Mi' }] }) }));
  const decision = decideBatch(pods, cache, {}, 0);
  assert.equal(decision.bindings.length, 6);
  const perNode = new Map<string, number>();
  for (const b of decision.bindings) perNode.set(b.node, (perNode.get(b.node) ?? 0) + 1);
  assert.deepEqual([...perNode.values()], [2, 2, 2]);
  assert.deepEqual(
    decision.unschedulable.map((u) => [u.key, u.message]),
    [
      ['default/web-6', '0/3 nodes are available: 3 Insufficient cpu.'],
      ['default/web-7', '0/3 nodes are available: 3 Insufficient cpu.'],
    ],
  );
  assert.ok(decision.bindings.every((b) => cache.isAssumed(b.key)));
});

test('with many nodes only a subset is filtered per pod, starting where the last pod stopped', () => {
  const cache = new SchedulerCache();
  for (let i = 0; i < 500; i++) cache.setNode(makeNode(`node-${String(i).padStart(3, '0')}`));
  const pods = Array.from({ length: 3 }, (_, i) => ({ key: `default/p${i}`, pod: makePod(`p${i}`) }));
  const decision = decideBatch(pods, cache, {}, 0);
  // 46% of 500 nodes = 230 per cycle: the start index moves on by 230 each time.
  assert.equal(decision.nextStartIndex, 690 % 500);
  const all = decideBatch(
    pods.map((p) => ({ ...p, key: `${p.key}-all` })),
    cache,
    { percentageOfNodesToScore: 100 },
    0,
  );
  assert.equal(all.nextStartIndex, 0, 'every node checked: back to the start');
});
