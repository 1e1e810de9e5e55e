import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeTopRows, podHeaders, podTopRows } from './top.js';

test('node rows: millicores, mebibytes, truncated percentages of allocatable; silent nodes are <unknown>', () => {
  const nodes = [
    { name: 'a', allocatable: { cpu: '2', memory: '4Gi' } },
    { name: 'b', allocatable: { cpu: '4', memory: '8Gi' } },
    { name: 'c', allocatable: null },
  ];
  const rows = nodeTopRows(nodes, [
    { metadata: { name: 'a' }, usage: { cpu: '259m', memory: '1030Mi' } },
    { metadata: { name: 'c' }, usage: { cpu: '1', memory: '512Ki' } },
  ]);
  assert.deepEqual(rows, [
    ['a', '259m', '12%', '1030Mi', '25%'],
    ['c', '1000m', '<unknown>', '0Mi', '<unknown>'],
    ['b', '<unknown>', '<unknown>', '<unknown>', '<unknown>'],
  ]);
  const sorted = nodeTopRows(
    nodes,
    [
      { metadata: { name: 'a' }, usage: { cpu: '1m', memory: '1Mi' } },
      { metadata: { name: 'b' }, usage: { cpu: '2m', memory: '1Mi' } },
    ],
    'cpu',
  );
  assert.deepEqual(
    sorted.map((r) => r[0]),
    ['b', 'a', 'c'],
  );
});

test('pod rows: a NAMESPACE column with -A; --sort-by puts the biggest first', () => {
  const metrics = [
    { metadata: { name: 'small', namespace: 'demo' }, usage: { cpu: '1m', memory: '90Mi' } },
    { metadata: { name: 'big', namespace: 'shop' }, usage: { cpu: '300m', memory: '10Mi' } },
  ];
  assert.deepEqual(podHeaders(true), ['NAMESPACE', 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
  assert.deepEqual(podTopRows(metrics, { allNamespaces: false }), [
    ['small', '1m', '90Mi'],
    ['big', '300m', '10Mi'],
  ]);
  assert.deepEqual(
    podTopRows(metrics, { allNamespaces: true, sortBy: 'cpu' }).map((r) => r[1]),
    ['big', 'small'],
  );
  assert.deepEqual(
    podTopRows(metrics, { allNamespaces: false, sortBy: 'memory' }).map((r) => r[0]),
    ['small', 'big'],
  );
});
