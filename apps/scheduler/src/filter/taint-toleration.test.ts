import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ctxOf, info, makePod } from '../test-fixtures.js';
import type { Taint, Toleration } from '@wheelhouse/model';
import { taintToleration } from './taint-toleration.js';

// taint_toleration_test.go TestTaintTolerationFilter
const cases: { name: string; tolerations: Toleration[]; taints: Taint[]; conditions?: { type: string; status: string }[]; want: string | null }[] = [
  {
    name: "A pod having no tolerations can't be scheduled onto a node with nonempty taints",
    tolerations: [],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    want: 'node(s) had untolerated taint {dedicated: user1}',
  },
  {
    name: 'A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule',
    tolerations: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    want: null,
  },
  {
    name: "A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule",
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    want: 'node(s) had untolerated taint {dedicated: user1}',
  },
  {
    name: 'A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node',
    tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }],
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
    want: null,
  },
  {
    name: 'A pod has multiple tolerations, node has multiple taints, all the taints are tolerated',
    tolerations: [
      { key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' },
      { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
    ],
    taints: [
      { key: 'dedicated', value: 'user2', effect: 'NoSchedule' },
      { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    ],
    want: null,
  },
  {
    name: "A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match",
    tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
    want: 'node(s) had untolerated taint {foo: bar}',
  },
  {
    name: 'The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule',
    tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar' }],
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
    want: null,
  },
  {
    name: "The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule",
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }],
    want: null,
  },
  {
    name: 'The pod has no toleration, but the effect of taint on node is PreferNoSchedule',
    tolerations: [],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }],
    want: null,
  },
  { name: 'NoExecute taints are enforced too', tolerations: [], taints: [{ key: 'evict', effect: 'NoExecute' }], want: 'node(s) had untolerated taint {evict: }' },
  { name: 'an empty key with Exists tolerates everything', tolerations: [{ operator: 'Exists' }], taints: [{ key: 'a', value: 'b', effect: 'NoExecute' }], want: null },
  {
    name: 'a not-ready node is tainted node.kubernetes.io/not-ready:NoSchedule',
    tolerations: [],
    taints: [],
    conditions: [{ type: 'Ready', status: 'False' }],
    want: 'node(s) had untolerated taint {node.kubernetes.io/not-ready: }',
  },
  {
    name: 'a pod tolerating not-ready can go to a not-ready node',
    tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }],
    taints: [],
    conditions: [{ type: 'Ready', status: 'False' }],
    want: null,
  },
];

for (const c of cases) {
  test(`TaintToleration filter: ${c.name}`, () => {
    const node = info('n', { taints: c.taints, ...(c.conditions ? { conditions: c.conditions } : {}) });
    const result = taintToleration.filter(makePod('p', { tolerations: c.tolerations }), node, ctxOf([node]));
    assert.deepEqual(result, c.want === null ? { ok: true } : { ok: false, reason: c.want });
  });
}
