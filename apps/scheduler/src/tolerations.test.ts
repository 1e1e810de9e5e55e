import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findUntoleratedTaint, toleratesTaint } from './tolerations.js';
import type { Taint, Toleration } from '@wheelhouse/model';

// k8s.io/api/core/v1 toleration_test.go TestTolerationToleratesTaint
const cases: { name: string; toleration: Toleration; taint: Taint; want: boolean }[] = [
  {
    name: 'toleration and taint have the same key and effect, and operator is Exists, and taint has no value, expect tolerated',
    toleration: { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
    taint: { key: 'foo', effect: 'NoSchedule' },
    want: true,
  },
  {
    name: 'toleration and taint have the same key and effect, and operator is Exists, and taint has some value, expect tolerated',
    toleration: { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    want: true,
  },
  {
    name: 'toleration and taint have the same effect, toleration has empty key and operator is Exists, means match all taints, expect tolerated',
    toleration: { key: '', operator: 'Exists', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    want: true,
  },
  {
    name: 'toleration and taint have the same key, effect and value, and operator is Equal, expect tolerated',
    toleration: { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    want: true,
  },
  {
    name: 'toleration and taint have the same key and effect, but different values, and operator is Equal, expect not tolerated',
    toleration: { key: 'foo', operator: 'Equal', value: 'value1', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'value2', effect: 'NoSchedule' },
    want: false,
  },
  {
    name: 'toleration and taint have the same key and value, but different effects, and operator is Equal, expect not tolerated',
    toleration: { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' },
    taint: { key: 'foo', value: 'bar', effect: 'NoExecute' },
    want: false,
  },
  {
    name: 'an empty operator means Equal',
    toleration: { key: 'foo', value: 'bar' },
    taint: { key: 'foo', value: 'bar', effect: 'NoExecute' },
    want: true,
  },
];

for (const c of cases) {
  test(`toleratesTaint: ${c.name}`, () => assert.equal(toleratesTaint(c.toleration, c.taint), c.want));
}

test('findUntoleratedTaint returns the first untolerated taint among the given effects', () => {
  const taints: Taint[] = [
    { key: 'soft', effect: 'PreferNoSchedule' },
    { key: 'a', value: '1', effect: 'NoSchedule' },
    { key: 'b', value: '2', effect: 'NoExecute' },
  ];
  assert.equal(findUntoleratedTaint(taints, [], ['NoSchedule', 'NoExecute'])?.key, 'a');
  assert.equal(findUntoleratedTaint(taints, [{ key: 'a', operator: 'Exists' }], ['NoSchedule', 'NoExecute'])?.key, 'b');
  assert.equal(findUntoleratedTaint(taints, [{ operator: 'Exists' }], ['NoSchedule', 'NoExecute']), undefined);
});
