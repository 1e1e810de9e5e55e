import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ctxOf, info, makePod } from '../test-fixtures.js';
import { nodeUnschedulable } from './node-unschedulable.js';
import type { Toleration } from '@wheelhouse/model';

// node_unschedulable_test.go TestNodeUnschedulable
const cases: { name: string; unschedulable: boolean; tolerations?: Toleration[]; ok: boolean }[] = [
  { name: 'Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)', unschedulable: true, ok: false },
  { name: 'Schedule pod to normal node', unschedulable: false, ok: true },
  {
    name: 'Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)',
    unschedulable: true,
    tolerations: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const, operator: 'Exists' }],
    ok: true,
  },
  {
    name: 'a toleration with the wrong effect does not help',
    unschedulable: true,
    tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoExecute' }],
    ok: false,
  },
];

for (const c of cases) {
  test(`NodeUnschedulable: ${c.name}`, () => {
    const node = info('n', { unschedulable: c.unschedulable });
    const result = nodeUnschedulable.filter(makePod('p', c.tolerations ? { tolerations: c.tolerations } : {}), node, ctxOf([node]));
    assert.deepEqual(result, c.ok ? { ok: true } : { ok: false, reason: 'node(s) were unschedulable' });
  });
}
