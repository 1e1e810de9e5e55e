import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unschedulableMessage } from './message.js';

// framework/types_test.go TestFitError_Error style: histogram of reasons, "count reason" strings sorted.
const cases: { name: string; numNodes: number; reasons: [string, string[]][]; want: string }[] = [
  {
    name: 'one reason per node, counted',
    numNodes: 3,
    reasons: [
      ['n1', ['Insufficient cpu']],
      ['n2', ['Insufficient cpu']],
      ['n3', ['Insufficient cpu']],
    ],
    want: '0/3 nodes are available: 3 Insufficient cpu.',
  },
  {
    name: 'a node with several reasons counts each',
    numNodes: 2,
    reasons: [
      ['n1', ['Insufficient cpu', 'Insufficient memory']],
      ['n2', ['Insufficient memory']],
    ],
    want: '0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.',
  },
  {
    name: 'sorted as whole strings (Go sort.Strings), so "10 …" comes before "9 …"',
    numNodes: 19,
    reasons: [
      ...Array.from({ length: 9 }, (_, i): [string, string[]] => [`a${i}`, ['Insufficient cpu']]),
      ...Array.from({ length: 10 }, (_, i): [string, string[]] => [`b${i}`, ['node(s) were unschedulable']]),
    ],
    want: '0/19 nodes are available: 10 node(s) were unschedulable, 9 Insufficient cpu.',
  },
  { name: 'no nodes at all', numNodes: 0, reasons: [], want: 'no nodes available to schedule pods' },
];

for (const c of cases) {
  test(`unschedulableMessage: ${c.name}`, () => {
    assert.equal(unschedulableMessage(c.numNodes, new Map(c.reasons)), c.want);
  });
}
