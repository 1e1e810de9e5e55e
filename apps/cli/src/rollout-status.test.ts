import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daemonSetRolloutState, deploymentRolloutState } from './rollout-status.js';

const d = (generation: number, spec: object, status: object) => ({ metadata: { name: 'web', generation }, spec, status });

test('the stages of kubectl rollout status', () => {
  assert.equal(deploymentRolloutState(d(2, { replicas: 3 }, { observedGeneration: 1 })).message, 'Waiting for deployment spec update to be observed...');
  assert.match(deploymentRolloutState(d(1, { replicas: 3 }, { observedGeneration: 1, updatedReplicas: 1 })).message, /1 out of 3 new replicas have been updated/);
  assert.match(deploymentRolloutState(d(1, { replicas: 3 }, { observedGeneration: 1, updatedReplicas: 3, replicas: 4 })).message, /1 old replicas are pending termination/);
  assert.match(
    deploymentRolloutState(d(1, { replicas: 3 }, { observedGeneration: 1, updatedReplicas: 3, replicas: 3, availableReplicas: 2 })).message,
    /2 of 3 updated replicas are available/,
  );
  const done = deploymentRolloutState(d(1, { replicas: 3 }, { observedGeneration: 1, updatedReplicas: 3, replicas: 3, availableReplicas: 3 }));
  assert.deepEqual(done, { done: true, message: 'deployment "web" successfully rolled out' });
  const stuck = deploymentRolloutState(d(1, { replicas: 3 }, { observedGeneration: 1, conditions: [{ type: 'Progressing', reason: 'ProgressDeadlineExceeded' }] }));
  assert.equal(stuck.failed, true);
});

/** kubectl's TestDaemonSetStatusViewerStatus cases (rollout_status_test.go). */
test('the stages of kubectl rollout status for a DaemonSet', () => {
  const ds = (generation: number, status: object, type = 'RollingUpdate') => ({ metadata: { name: 'foo', generation }, spec: { updateStrategy: { type } }, status });
  const cases: [object, string, boolean][] = [
    [
      ds(1, { observedGeneration: 1, updatedNumberScheduled: 0, desiredNumberScheduled: 1, numberAvailable: 0 }),
      'Waiting for daemon set "foo" rollout to finish: 0 out of 1 new pods have been updated...',
      false,
    ],
    [
      ds(1, { observedGeneration: 1, updatedNumberScheduled: 1, desiredNumberScheduled: 2, numberAvailable: 0 }),
      'Waiting for daemon set "foo" rollout to finish: 1 out of 2 new pods have been updated...',
      false,
    ],
    [
      ds(1, { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 1 }),
      'Waiting for daemon set "foo" rollout to finish: 1 of 2 updated pods are available...',
      false,
    ],
    [ds(1, { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 }), 'daemon set "foo" successfully rolled out', true],
    [ds(2, { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 }), 'Waiting for daemon set spec update to be observed...', false],
  ];
  for (const [input, message, done] of cases) assert.deepEqual(daemonSetRolloutState(input as never), { done, message });
  const onDelete = daemonSetRolloutState(ds(1, {}, 'OnDelete') as never);
  assert.equal(onDelete.failed, true);
  assert.equal(onDelete.message, 'rollout status is only available for RollingUpdate strategy type');
});
