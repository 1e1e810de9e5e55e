import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ctxOf, info, makePod } from '../test-fixtures.js';
import { leastAllocated, nodeResourcesLeastAllocated } from './node-resources-least-allocated.js';
import { runScorePlugin, type ScorePlugin } from './score-plugin.js';

type N = { cpu: number; memory: number; used?: [number, number] };
const node = (name: string, n: N) =>
  info(name, { cpu: `${n.cpu}m`, memory: n.memory }, n.used ? [makePod(`${name}-pod`, { nodeName: name, requests: [{ cpu: `${n.used[0]}m`, memory: n.used[1] }] })] : []);

// least_allocated_test.go (LeastAllocated strategy): ((capacity - requested) * 100 / capacity), averaged by weight.
const cases: { name: string; pod: [number, number][]; nodes: N[]; want: number[]; plugin?: ScorePlugin }[] = [
  {
    name: 'nothing scheduled, resources requested, differently sized nodes',
    pod: [
      [1000, 2000],
      [2000, 3000],
    ],
    nodes: [
      { cpu: 4000, memory: 10000 },
      { cpu: 6000, memory: 10000 },
    ],
    want: [37, 50],
  },
  {
    name: 'resources requested, pods scheduled with resources',
    pod: [[3000, 5000]],
    nodes: [
      { cpu: 10000, memory: 20000, used: [3000, 5000] },
      { cpu: 10000, memory: 50000, used: [3000, 5000] },
    ],
    want: [45, 60],
  },
  {
    name: 'requested resources exceed node capacity',
    pod: [[3000, 5000]],
    nodes: [{ cpu: 4000, memory: 10000, used: [3000, 0] }],
    want: [25],
  },
  { name: 'zero node resources, pods scheduled with resources', pod: [[3000, 5000]], nodes: [{ cpu: 0, memory: 0 }], want: [0] },
  {
    name: 'resource weights: cpu 2, memory 1',
    pod: [[3000, 5000]],
    nodes: [{ cpu: 4000, memory: 10000 }],
    want: [33],
    plugin: leastAllocated({ cpu: 2, memory: 1 }),
  },
];

for (const c of cases) {
  test(`NodeResourcesLeastAllocated: ${c.name}`, () => {
    const infos = c.nodes.map((n, i) => node(`node${i + 1}`, n));
    const pod = makePod('p', { requests: c.pod.map(([cpu, memory]) => ({ cpu: `${cpu}m`, memory })) });
    assert.deepEqual(runScorePlugin(c.plugin ?? nodeResourcesLeastAllocated, pod, infos, ctxOf(infos)), c.want);
  });
}

test('NodeResourcesLeastAllocated: a pod without requests is scored with the 100m / 200Mi defaults', () => {
  const infos = [info('n', { cpu: '1000m', memory: '1000Mi' })];
  // cpu (1000-100)*100/1000 = 90, memory (1000-200)*100/1000 = 80 → 85
  assert.deepEqual(runScorePlugin(nodeResourcesLeastAllocated, makePod('p'), infos, ctxOf(infos)), [85]);
});
