import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PodDisruptionBudget } from '@wheelhouse/model';
import { PRINTERS, printHeaders, printRow } from './columns.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const meta = (name: string) => ({ namespace: 'ns1', name, creationTimestamp: '2026-01-01T00:00:00Z' });

/** kubectl TestPrintPodDisruptionBudget (pkg/printers/internalversion/printers_test.go). */
test('PodDisruptionBudget columns: NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE', () => {
  assert.deepEqual(printHeaders(PRINTERS.PodDisruptionBudget!), ['Name', 'Min Available', 'Max Unavailable', 'Allowed Disruptions', 'Age']);
  const cases: [PodDisruptionBudget, string[]][] = [
    [{ metadata: meta('pdb1'), spec: { minAvailable: 22 }, status: { disruptionsAllowed: 5 } }, ['pdb1', '22', 'N/A', '5', '0s']],
    [{ metadata: meta('pdb2'), spec: { maxUnavailable: 11 }, status: { disruptionsAllowed: 5 } }, ['pdb2', 'N/A', '11', '5', '0s']],
    [{ metadata: meta('pdb3'), spec: { maxUnavailable: '25%' }, status: {} }, ['pdb3', 'N/A', '25%', '0', '0s']],
  ];
  for (const [o, expected] of cases) assert.deepEqual(printRow(PRINTERS.PodDisruptionBudget!, o, NOW), expected, o.metadata.name ?? '');
});
