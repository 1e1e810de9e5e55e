import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deploymentRolloutState } from './rollout-status.js';

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
