// After Kubernetes' TestTimeLeft (pkg/controller/ttlafterfinished/ttlafterfinished_controller_test.go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideTtl } from './decide.js';

const NOW = new Date('2026-01-01T00:00:10Z');
const job = (ttl: number | undefined, conditions: { type: string; status: string; lastTransitionTime?: string }[], deleting = false) => ({
  metadata: deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {},
  spec: ttl === undefined ? {} : { ttlSecondsAfterFinished: ttl },
  status: { conditions },
});
const complete = (at: string) => [{ type: 'Complete', status: 'True', lastTransitionTime: at }];

test('TestTimeLeft', () => {
  const cases: [string, ReturnType<typeof job>, ReturnType<typeof decideTtl>][] = [
    ['Error case: Job unfinished', job(1, []), { type: 'none' }],
    ['Error case: Job completed now, no TTL', job(undefined, complete('2026-01-01T00:00:10Z')), { type: 'none' }],
    ['Job completed now, 0s TTL', job(0, complete('2026-01-01T00:00:10Z')), { type: 'delete' }],
    ['Job completed now, 10s TTL', job(10, complete('2026-01-01T00:00:10Z')), { type: 'requeueAfter', ms: 10_000 }],
    ['Job completed 10s ago, 15s TTL', job(15, complete('2026-01-01T00:00:00Z')), { type: 'requeueAfter', ms: 5_000 }],
    ['Job failed 10s ago, 5s TTL', job(5, [{ type: 'Failed', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }]), { type: 'delete' }],
    ['Complete condition not true', job(0, [{ type: 'Complete', status: 'False', lastTransitionTime: '2026-01-01T00:00:00Z' }]), { type: 'none' }],
    ['Error case: no finish time', job(0, [{ type: 'Complete', status: 'True' }]), { type: 'none' }],
    ['being deleted already', job(0, complete('2026-01-01T00:00:00Z'), true), { type: 'none' }],
  ];
  for (const [name, j, expected] of cases) assert.deepEqual(decideTtl(j, NOW), expected, name);
});
