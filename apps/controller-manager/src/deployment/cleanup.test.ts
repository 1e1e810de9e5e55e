import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReplicaSet } from '@wheelhouse/model';
import { REVISION_ANNOTATION } from './annotations.js';
import { cleanupPolicy } from './cleanup.js';
import { newDeployment, rsWithStatus } from './fixtures.js';
import { MAX_INT32 } from './spec.js';

const deleting = { ...rsWithStatus('foo-1', 0, 0), metadata: { ...rsWithStatus('foo-1', 0, 0).metadata, deletionTimestamp: '2024-01-01T00:00:00Z' } };

// Kubernetes' TestDeploymentController_cleanupDeployment.
for (const [name, oldRSs, limit, expectedDeletions] of [
  ['keeps one of three empty ReplicaSets', [rsWithStatus('foo-1', 0, 0), rsWithStatus('foo-2', 0, 0), rsWithStatus('foo-3', 0, 0)], 1, 2],
  [
    'only deletes ReplicaSets with spec.replicas = status.replicas = 0',
    [rsWithStatus('foo-1', 0, 0), rsWithStatus('foo-2', 0, 1), rsWithStatus('foo-3', 1, 0), rsWithStatus('foo-4', 1, 1)],
    0,
    1,
  ],
  ['limit 0 deletes all empty ones', [rsWithStatus('foo-1', 0, 0), rsWithStatus('foo-2', 0, 0)], 0, 2],
  ['never deletes ReplicaSets with replicas', [rsWithStatus('foo-1', 1, 1), rsWithStatus('foo-2', 1, 1)], 0, 0],
  ['skips one already being deleted', [deleting], 0, 0],
  ['unlimited history (MaxInt32) keeps everything', [rsWithStatus('foo-1', 0, 0), rsWithStatus('foo-2', 0, 0), rsWithStatus('foo-3', 0, 0)], MAX_INT32, 0],
] as const) {
  test(`TestCleanupDeployment: ${name}`, () => {
    const d = newDeployment('foo', 1, { revisionHistoryLimit: limit });
    assert.equal(cleanupPolicy(d, oldRSs as readonly ReplicaSet[]).length, expectedDeletions);
  });
}

test('cleanupPolicy deletes the lowest revisions first and waits for the generation to be observed', () => {
  const at = (name: string, revision: string, created: string): ReplicaSet => ({
    ...rsWithStatus(name, 0, 0),
    metadata: { name, uid: name, creationTimestamp: created, annotations: { [REVISION_ANNOTATION]: revision } },
  });
  // Revision order beats creation order (a rolled-back-to ReplicaSet is old but has a high revision).
  const rss = [at('r3', '3', '2024-01-01T00:00:00Z'), at('r1', '1', '2024-01-03T00:00:00Z'), at('r2', '2', '2024-01-02T00:00:00Z')];
  assert.deepEqual(
    cleanupPolicy(newDeployment('foo', 1, { revisionHistoryLimit: 1 }), rss).map((r) => r.metadata.name),
    ['r1', 'r2'],
  );
  const unobserved = { ...rss[1]!, metadata: { ...rss[1]!.metadata, generation: 2 }, status: { replicas: 0, observedGeneration: 1 } };
  assert.deepEqual(
    cleanupPolicy(newDeployment('foo', 1, { revisionHistoryLimit: 1 }), [rss[0]!, unobserved, rss[2]!]).map((r) => r.metadata.name),
    ['r2'],
  );
});

test('the apps/v1 default keeps ten old ReplicaSets', () => {
  const d = newDeployment('foo', 1);
  delete d.spec!.revisionHistoryLimit;
  const rss = Array.from({ length: 12 }, (_, i) => rsWithStatus(`foo-${i}`, 0, 0));
  assert.equal(cleanupPolicy(d, rss).length, 2);
});
