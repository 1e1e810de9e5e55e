import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containerRows } from './containers.ts';

test('container rows join spec and status, init containers first', () => {
  const now = Date.parse('2026-01-01T00:01:00Z');
  const rows = containerRows(
    {
      metadata: {},
      spec: {
        initContainers: [{ name: 'setup', image: 'busybox' }],
        containers: [
          { name: 'app', image: 'nginx', resources: { requests: { cpu: '100m' } } },
          { name: 'side', image: 'x' },
        ],
      },
      status: {
        initContainerStatuses: [{ name: 'setup', state: { terminated: { reason: 'Completed', exitCode: 0 } } }],
        containerStatuses: [
          { name: 'app', ready: true, restartCount: 2, state: { running: { startedAt: '2026-01-01T00:00:00Z' } } },
          { name: 'side', state: { waiting: { reason: 'CrashLoopBackOff' } } },
        ],
      },
    },
    now,
  );
  assert.deepEqual(
    rows.map((r) => [r.name, r.init, r.state]),
    [
      ['setup', true, 'Terminated: Completed (exit 0)'],
      ['app', false, 'Running (60s)'],
      ['side', false, 'Waiting: CrashLoopBackOff'],
    ],
  );
  assert.equal(rows[1]!.requests, 'cpu=100m');
  assert.equal(rows[1]!.restarts, 2);
});
