import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ctxOf, info, makePod } from '../test-fixtures.js';
import { nodeResourcesBalancedAllocation as plugin } from './node-resources-balanced-allocation.js';
import { runScorePlugin } from './score-plugin.js';

type N = { cpu: number; memory: number; used?: [number, number] };
const node = (name: string, n: N) =>
  info(name, { cpu: `${n.cpu}m`, memory: n.memory }, n.used ? [makePod(`${name}-pod`, { nodeName: name, requests: [{ cpu: `${n.used[0]}m`, memory: n.used[1] }] })] : []);

// balanced_allocation_test.go: (1 - std(cpu fraction, memory fraction)) * 100, fractions capped at 1.
const cases: { name: string; pod: [number, number]; nodes: N[]; want: number[] }[] = [
  {
    name: 'nothing scheduled, resources requested, differently sized nodes',
    pod: [3000, 5000],
    nodes: [
      { cpu: 4000, memory: 10000 },
      { cpu: 6000, memory: 10000 },
    ],
    want: [87, 100],
  },
  { name: 'resources requested, pods scheduled with resources', pod: [3000, 5000], nodes: [{ cpu: 10000, memory: 20000, used: [3000, 5000] }], want: [95] },
  { name: 'requested resources at node capacity (fraction capped at 1)', pod: [3000, 5000], nodes: [{ cpu: 4000, memory: 10000, used: [3000, 0] }], want: [75] },
  { name: 'truncates toward zero', pod: [1000, 0], nodes: [{ cpu: 3000, memory: 10000 }], want: [83] },
  { name: 'a resource with zero allocatable is left out', pod: [1000, 5000], nodes: [{ cpu: 4000, memory: 0 }], want: [100] },
];

for (const c of cases) {
  test(`NodeResourcesBalancedAllocation: ${c.name}`, () => {
    const infos = c.nodes.map((n, i) => node(`node${i + 1}`, n));
    const pod = makePod('p', { requests: [{ cpu: `${c.pod[0]}m`, memory: c.pod[1] }] });
    assert.equal(plugin.skip!(pod, ctxOf(infos)), false);
    assert.deepEqual(runScorePlugin(plugin, pod, infos, ctxOf(infos)), c.want);
  });
}

test('NodeResourcesBalancedAllocation: skipped for a best-effort pod', () => {
  assert.equal(plugin.skip!(makePod('p'), ctxOf([])), true);
});
