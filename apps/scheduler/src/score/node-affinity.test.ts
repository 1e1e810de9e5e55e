import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ctxOf, info, makePod } from '../test-fixtures.js';
import type { Affinity, PreferredSchedulingTerm } from '@wheelhouse/model';
import type { Labels } from '../types.js';
import { nodeAffinityScore } from './node-affinity.js';
import { runScorePlugin } from './score-plugin.js';

const preferred = (...terms: PreferredSchedulingTerm[]): Affinity => ({ nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: terms } });
const inTerm = (weight: number, ...pairs: [string, string][]): PreferredSchedulingTerm => ({
  weight,
  preference: { matchExpressions: pairs.map(([key, value]) => ({ key, operator: 'In' as const, values: [value] })) },
});

const label1 = { foo: 'bar' };
const label2 = { key: 'value' };
const label5 = { foo: 'bar', key: 'value', az: 'az1' };
const affinity1 = preferred(inTerm(2, ['foo', 'bar']));
const affinity3 = preferred(inTerm(2, ['foo', 'bar']), inTerm(4, ['key', 'value']), inTerm(5, ['foo', 'bar'], ['key', 'value'], ['az', 'az1']));

// node_affinity_test.go TestNodeAffinityPriority
const cases: { name: string; affinity?: Affinity; nodes: [string, Labels][]; want: number[] }[] = [
  {
    name: 'all nodes are same priority as NodeAffinity is nil',
    nodes: [
      ['node1', label1],
      ['node2', label2],
    ],
    want: [0, 0],
  },
  {
    name: 'no node matches preferred scheduling requirements in NodeAffinity of pod',
    affinity: affinity1,
    nodes: [
      ['node1', { x: 'y' }],
      ['node2', label2],
    ],
    want: [0, 0],
  },
  {
    name: 'only node1 matches the preferred scheduling requirements of pod',
    affinity: affinity1,
    nodes: [
      ['node1', label1],
      ['node2', label2],
    ],
    want: [100, 0],
  },
  {
    name: 'all nodes matches the preferred scheduling requirements of pod but with different priorities',
    affinity: affinity3,
    nodes: [
      ['node1', label1],
      ['node5', label5],
      ['node2', label2],
    ],
    want: [18, 100, 36],
  },
];

for (const c of cases) {
  test(`NodeAffinity score: ${c.name}`, () => {
    const infos = c.nodes.map(([name, labels]) => info(name, { labels }));
    const pod = makePod('p', c.affinity ? { affinity: c.affinity } : {});
    assert.deepEqual(runScorePlugin(nodeAffinityScore, pod, infos, ctxOf(infos)), c.want);
  });
}
