import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ControllerRevision } from '@wheelhouse/model';
import { PRINTERS, printHeaders, printRow } from './columns.js';

const NOW = Date.parse('2026-01-01T01:00:00Z');
const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, creationTimestamp: '2026-01-01T00:59:58Z', ...extra });

/** kubectl printControllerRevision cases (pkg/printers/internalversion/printers_test.go TestPrintControllerRevision). */
test('ControllerRevision columns: NAME CONTROLLER REVISION AGE', () => {
  assert.deepEqual(printHeaders(PRINTERS.ControllerRevision!), ['Name', 'Controller', 'Revision', 'Age']);
  const cases: [ControllerRevision, string[]][] = [
    [
      { metadata: meta('test1', { ownerReferences: [{ controller: true, apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'foo', uid: 'u1' }] }), revision: 1 },
      ['test1', 'daemonset.apps/foo', '1', '2s'],
    ],
    [{ metadata: meta('test2', { ownerReferences: [{ controller: false, kind: 'ABC', name: 'foo', apiVersion: 'v1', uid: 'u2' }] }), revision: 2 }, ['test2', '<none>', '2', '2s']],
    [{ metadata: meta('test3', { ownerReferences: [] }), revision: 3 }, ['test3', '<none>', '3', '2s']],
    [{ metadata: meta('test4'), revision: 4 }, ['test4', '<none>', '4', '2s']],
    // A core-group owner has no group in its GroupKind.
    [{ metadata: meta('test5', { ownerReferences: [{ controller: true, apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u5' }] }), revision: 5 }, ['test5', 'pod/p', '5', '2s']],
  ];
  for (const [o, expected] of cases) assert.deepEqual(printRow(PRINTERS.ControllerRevision!, o, NOW), expected, o.metadata.name ?? '');
});
