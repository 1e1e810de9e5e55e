import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReplicaSet } from '@wheelhouse/model';
import { newDeployment, rs } from './fixtures.js';
import { calculateStatus, deploymentStatusEqual } from './status.js';

const now = new Date(Date.UTC(2024, 0, 1));
const counted = (name: string, spec: number, replicas: number, ready: number, available: number): ReplicaSet => ({
  ...rs(name, spec),
  status: { replicas, readyReplicas: ready, availableReplicas: available },
});

test('calculateStatus sums the ReplicaSets; updatedReplicas are the new one’s pods', () => {
  const d = newDeployment('web', 4, { maxSurge: 1, maxUnavailable: 1 });
  d.metadata.generation = 7;
  d.status = { collisionCount: 2 };
  const newRS = counted('new', 2, 2, 1, 1);
  const status = calculateStatus([counted('old', 3, 3, 3, 3), newRS], newRS, d, now);
  assert.deepEqual(
    { ...status, conditions: undefined },
    {
      observedGeneration: 7,
      replicas: 5,
      updatedReplicas: 2,
      readyReplicas: 4,
      availableReplicas: 4,
      unavailableReplicas: 1,
      collisionCount: 2,
      conditions: undefined,
    },
  );
  assert.deepEqual(status.conditions, [
    {
      type: 'Available',
      status: 'True',
      reason: 'MinimumReplicasAvailable',
      message: 'Deployment has minimum availability.',
      lastUpdateTime: '2024-01-01T00:00:00Z',
      lastTransitionTime: '2024-01-01T00:00:00Z',
    },
  ]);
});

test('unavailableReplicas never goes negative while scaling down', () => {
  const d = newDeployment('web', 1);
  const newRS = counted('new', 1, 3, 3, 3);
  assert.equal(calculateStatus([newRS], newRS, d, now).unavailableReplicas, 0);
});

test('Available keeps its transition time while its status holds, and flips with a new one', () => {
  const d = newDeployment('web', 2, { maxUnavailable: 1 });
  d.status = {
    conditions: [
      {
        type: 'Available',
        status: 'True',
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
        lastUpdateTime: 'then',
        lastTransitionTime: 'then',
      },
    ],
  };
  assert.deepEqual(calculateStatus([counted('a', 2, 2, 1, 1)], undefined, d, now).conditions, d.status.conditions);
  const flipped = calculateStatus([counted('a', 2, 2, 0, 0)], undefined, d, now).conditions![0]!;
  assert.equal(flipped.status, 'False');
  assert.equal(flipped.lastTransitionTime, '2024-01-01T00:00:00Z');
});

test('deploymentStatusEqual treats absent counts as zero and ignores key order', () => {
  assert.equal(deploymentStatusEqual({}, { replicas: 0, conditions: [] }), true);
  assert.equal(deploymentStatusEqual({ conditions: [{ type: 'A', status: 'True' }] }, { conditions: [{ status: 'True', type: 'A' }] }), true);
  assert.equal(deploymentStatusEqual({ replicas: 1 }, {}), false);
});
