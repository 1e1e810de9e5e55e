// After Kubernetes' disruption_test.go TestStalePodDisruption.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '@wheelhouse/model';
import { decideStaleDisruption, STALE_POD_DISRUPTION_TIMEOUT_MS } from './stale-disruption.js';

const NOW = new Date('2026-01-01T12:00:00Z');
const at = (msAgo: number) => new Date(NOW.getTime() - msAgo).toISOString();
const pod = (condition?: { status: string; reason?: string; ago: number }, extra: { phase?: string; deleting?: boolean } = {}): Pod =>
  ({
    metadata: { name: 'foo', ...(extra.deleting ? { deletionTimestamp: at(0) } : {}) },
    status: {
      phase: extra.phase ?? 'Running',
      conditions: [
        { type: 'Ready', status: 'True' },
        ...(condition ? [{ type: 'DisruptionTarget', status: condition.status, reason: condition.reason ?? 'EvictionByEvictionAPI', lastTransitionTime: at(condition.ago) }] : []),
      ],
    },
  }) as Pod;

test('TestStalePodDisruption', () => {
  const cases: [string, Pod, string, number?][] = [
    ['no cleanup because no condition', pod(), 'none'],
    ['no cleanup because the condition is False', pod({ status: 'False', ago: 3 * 60_000 }), 'none'],
    ['no cleanup because the pod is terminating', pod({ status: 'True', ago: 3 * 60_000 }, { deleting: true }), 'none'],
    ['no cleanup because the pod has finished', pod({ status: 'True', ago: 3 * 60_000 }, { phase: 'Failed' }), 'none'],
    ['no cleanup of the kubelet’s own condition', pod({ status: 'True', reason: 'TerminationByKubelet', ago: 3 * 60_000 }), 'none'],
    ['delayed cleanup while the timeout runs', pod({ status: 'True', ago: 30_000 }), 'requeueAfter', STALE_POD_DISRUPTION_TIMEOUT_MS - 30_000],
  ];
  for (const [name, p, action, ms] of cases) {
    const d = decideStaleDisruption(p, NOW);
    assert.equal(d.action, action, name);
    if (ms !== undefined && d.action === 'requeueAfter') assert.equal(d.ms, ms, name);
  }
  const stale = decideStaleDisruption(pod({ status: 'True', ago: STALE_POD_DISRUPTION_TIMEOUT_MS + 1 }), NOW);
  assert.deepEqual(stale, {
    action: 'clear',
    conditions: [
      { type: 'Ready', status: 'True' },
      { type: 'DisruptionTarget', status: 'False', lastTransitionTime: NOW.toISOString() },
    ],
  });
});
