import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Job } from '@wheelhouse/model';
import { PRINTERS, printHeaders, printRow } from './columns.js';

const NOW = Date.parse('2026-01-01T01:00:00Z');
const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, creationTimestamp: '2026-01-01T00:00:00Z', ...extra });
const cond = (type: string, status = 'True') => ({ type, status });

/** kubectl printJob cases (pkg/printers/internalversion/printers_test.go TestPrintJob). */
test('Job columns: NAME STATUS COMPLETIONS DURATION AGE', () => {
  assert.deepEqual(printHeaders(PRINTERS.Job!), ['Name', 'Status', 'Completions', 'Duration', 'Age']);
  const cases: [Job, string[]][] = [
    [{ metadata: meta('job1'), spec: { completions: 2 }, status: { succeeded: 1, startTime: '2026-01-01T00:59:50Z' } }, ['job1', 'Running', '1/2', '10s', '60m']],
    [{ metadata: meta('job2'), spec: { parallelism: 2 }, status: { succeeded: 0 } }, ['job2', 'Running', '0/1 of 2', '', '60m']],
    [{ metadata: meta('job3'), spec: { parallelism: 1 }, status: {} }, ['job3', 'Running', '0/1', '', '60m']],
    [
      {
        metadata: meta('job4'),
        spec: { completions: 2 },
        status: { succeeded: 2, startTime: '2026-01-01T00:00:00Z', completionTime: '2026-01-01T00:03:00Z', conditions: [cond('SuccessCriteriaMet'), cond('Complete')] },
      },
      ['job4', 'Complete', '2/2', '3m', '60m'],
    ],
    [{ metadata: meta('job5'), spec: { completions: 1 }, status: { conditions: [cond('FailureTarget'), cond('Failed')] } }, ['job5', 'Failed', '0/1', '', '60m']],
    [{ metadata: meta('job6'), spec: { completions: 1 }, status: { conditions: [cond('Suspended')] } }, ['job6', 'Suspended', '0/1', '', '60m']],
    [{ metadata: meta('job7'), spec: { completions: 1 }, status: { conditions: [cond('FailureTarget')] } }, ['job7', 'FailureTarget', '0/1', '', '60m']],
    [{ metadata: meta('job8', { deletionTimestamp: '2026-01-01T00:30:00Z' }), spec: { completions: 1 }, status: {} }, ['job8', 'Terminating', '0/1', '', '60m']],
    [{ metadata: meta('job9'), spec: { completions: 1 }, status: { conditions: [cond('Complete', 'False')] } }, ['job9', 'Running', '0/1', '', '60m']],
  ];
  for (const [o, expected] of cases) assert.deepEqual(printRow(PRINTERS.Job!, o, NOW), expected, o.metadata.name ?? '');
  const pi: Job = {
    metadata: meta('pi'),
    spec: { completions: 1, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u1' } }, template: { spec: { containers: [{ name: 'pi', image: 'perl:5.34.0' }] } } },
  };
  assert.deepEqual(printRow(PRINTERS.Job!, pi, NOW, { wide: true }).slice(-3), ['pi', 'perl:5.34.0', 'batch.kubernetes.io/controller-uid=u1']);
});
