// The pod cases of kubectl's printer tests (see cases/pod-cases.ts), printed by this library.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CASES_NOW, POD_CASES } from './cases/pod-cases.js';
import { PRINTERS, printRow } from './columns.js';
import { podStatus } from './pod.js';

for (const name of new Set(POD_CASES.map((c) => c.test))) {
  test(name, () => {
    for (const c of POD_CASES.filter((p) => p.test === name)) {
      assert.deepEqual(printRow(PRINTERS.Pod!, c.pod, CASES_NOW, { wide: c.wide }), c.cells, c.comment);
      assert.equal(podStatus(c.pod), c.cells[2], c.comment);
    }
  });
}

test('every upstream test function is ported', () => {
  const ported = new Set(POD_CASES.map((c) => c.test));
  for (const name of ['TestPrintPod', 'TestPrintPodWithRestartableInitContainer', 'TestPrintPodwide']) assert.ok(ported.has(name), name);
  assert.equal(POD_CASES.filter((c) => c.test === 'TestPrintPod').length, 21);
});
