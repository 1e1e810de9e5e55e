import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, type KubeObject } from '@wheelhouse/resources';
import { planBinding, scheduledConditions } from './plan-binding.js';

const now = new Date('2026-01-01T00:00:00.500Z');
const pod = (spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}, status: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', uid: 'u1', resourceVersion: '7', generation: 1, ...metadata },
  spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec },
  status: { phase: 'Pending', ...status },
});
const code = (r: unknown) => (r instanceof ApiError ? r.code : 'ok');

test('binding sets spec.nodeName and PodScheduled=True in one write, against the read resourceVersion', () => {
  const current = pod(
    {},
    {},
    { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/1 nodes', lastTransitionTime: '2025-01-01T00:00:00Z' }] },
  );
  const plan = planBinding(current, { name: 'p', nodeName: 'node-1' }, now);
  assert.ok(!(plan instanceof ApiError));
  assert.equal(plan.type, 'update');
  assert.equal(plan.type === 'update' && plan.expectedResourceVersion, '7');
  assert.equal((plan.object.spec as { nodeName: string }).nodeName, 'node-1');
  assert.deepEqual((plan.object.status as { conditions: unknown[] }).conditions, [{ type: 'PodScheduled', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }]);
  assert.equal(plan.object.metadata.generation, 1, 'binding is not a spec update');
  assert.equal((current.spec as { nodeName?: string }).nodeName, undefined, 'the input is untouched');
});

test('refusals: already bound or terminating → CONFLICT; absent or another uid → NOT_FOUND; bad node name → BAD_USER_INPUT', () => {
  const bound = planBinding(pod({ nodeName: 'node-2' }), { name: 'p', nodeName: 'node-1' }, now);
  assert.equal(code(bound), 'CONFLICT');
  assert.match((bound as ApiError).message, /already assigned to node "node-2"/);
  assert.equal(code(planBinding(pod({ nodeName: 'node-1' }), { name: 'p', nodeName: 'node-1' }, now)), 'CONFLICT', 'even to the same node');
  assert.equal(code(planBinding(pod({}, { deletionTimestamp: '2026-01-01T00:00:00Z' }), { name: 'p', nodeName: 'node-1' }, now)), 'CONFLICT');
  assert.equal(code(planBinding(undefined, { name: 'p', nodeName: 'node-1' }, now)), 'NOT_FOUND');
  assert.equal(code(planBinding(pod(), { name: 'p', nodeName: 'node-1', uid: 'other' }, now)), 'NOT_FOUND');
  assert.equal(code(planBinding(pod(), { name: 'p', nodeName: 'node-1', uid: 'u1' }, now)), 'ok');
  const bad = planBinding(pod(), { name: 'p', nodeName: 'Node_1' }, now) as ApiError;
  assert.equal(bad.code, 'BAD_USER_INPUT');
  assert.equal(bad.field, 'nodeName');
});

test('scheduledConditions keeps the others and the transition time of a condition already True', () => {
  const ready = { type: 'Ready', status: 'False' };
  assert.deepEqual(scheduledConditions([ready], now), [ready, { type: 'PodScheduled', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }]);
  const already = { type: 'PodScheduled', status: 'True', lastTransitionTime: '2020-01-01T00:00:00Z' };
  assert.deepEqual(scheduledConditions([already, ready], now), [{ type: 'PodScheduled', status: 'True', lastTransitionTime: '2020-01-01T00:00:00Z' }, ready]);
});
