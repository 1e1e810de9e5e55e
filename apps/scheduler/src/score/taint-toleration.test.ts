import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ctxOf, info, makePod } from '../test-fixtures.js';
import type { Taint, Toleration } from '@wheelhouse/model';
import { runScorePlugin } from './score-plugin.js';
import { taintTolerationScore } from './taint-toleration.js';

const prefer = (key: string, value: string): Taint => ({ key, value, effect: 'PreferNoSchedule' });

// taint_toleration_test.go TestTaintTolerationScore
const cases: { name: string; tolerations: Toleration[]; taints: Taint[][]; want: number[] }[] = [
  {
    name: 'node with taints tolerated by the pod, gets a higher score than those node with intolerable taints',
    tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
    taints: [[prefer('foo', 'bar')], [prefer('foo', 'blah')]],
    want: [100, 0],
  },
  {
    name: 'the nodes that all of their taints are tolerated by the pod, get the same score, no matter how many tolerable taints a node has',
    tolerations: [
      { key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'PreferNoSchedule' },
      { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'PreferNoSchedule' },
    ],
    taints: [[], [prefer('cpu-type', 'arm64')], [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')]],
    want: [100, 100, 100],
  },
  {
    name: 'the more intolerable taints a node has, the lower score it gets.',
    tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
    taints: [[], [prefer('cpu-type', 'arm64')], [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')]],
    want: [100, 50, 0],
  },
  {
    name: 'only taints and tolerations that have effect PreferNoSchedule are checked by prioritize function',
    tolerations: [
      { key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'NoSchedule' },
      { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'NoSchedule' },
    ],
    taints: [[], [{ key: 'cpu-type', value: 'arm64', effect: 'NoSchedule' }], [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')]],
    want: [100, 100, 0],
  },
  {
    name: 'Default behaviour No taints and tolerations, lands on node with no taints',
    tolerations: [],
    taints: [[], [prefer('cpu-type', 'arm64')]],
    want: [100, 0],
  },
  {
    name: 'a toleration with an empty effect counts',
    tolerations: [{ key: 'cpu-type', operator: 'Exists' }],
    taints: [[prefer('cpu-type', 'arm64')], [prefer('gpu', 'x')]],
    want: [100, 0],
  },
];

for (const c of cases) {
  test(`TaintToleration score: ${c.name}`, () => {
    const infos = c.taints.map((taints, i) => info(`node${i}`, { taints }));
    const pod = makePod('p', { tolerations: c.tolerations });
    assert.deepEqual(runScorePlugin(taintTolerationScore, pod, infos, ctxOf(infos)), c.want);
  });
}
