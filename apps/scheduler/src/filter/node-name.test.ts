import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ctxOf, info, makePod } from '../test-fixtures.js';
import { nodeName } from './node-name.js';

// node_name_test.go TestNodeName
const cases: { name: string; podNodeName?: string; node: string; ok: boolean }[] = [
  { name: 'no host specified', node: 'foo', ok: true },
  { name: 'host matches', podNodeName: 'foo', node: 'foo', ok: true },
  { name: "host doesn't match", podNodeName: 'bar', node: 'foo', ok: false },
];

for (const c of cases) {
  test(`NodeName: ${c.name}`, () => {
    const n = info(c.node);
    const result = nodeName.filter(makePod('p', c.podNodeName ? { nodeName: c.podNodeName } : {}), n, ctxOf([n]));
    assert.deepEqual(result, c.ok ? { ok: true } : { ok: false, reason: "node(s) didn't match the requested node name" });
  });
}
