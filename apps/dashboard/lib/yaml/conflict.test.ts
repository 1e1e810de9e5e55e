import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editConflict } from './conflict.ts';

const at = (resourceVersion: string, replicas: number, status: object = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', resourceVersion, generation: replicas },
  spec: { replicas },
  status,
});

test('a newer resourceVersion with a changed spec is a conflict naming the fields', () => {
  assert.deepEqual(editConflict(at('5', 1), at('9', 3)), { from: '5', to: '9', fields: ['spec.replicas'] });
});

test('the same version, or a status-only write, is not', () => {
  assert.equal(editConflict(at('5', 1), at('5', 1)), undefined);
  assert.equal(editConflict(at('5', 1), at('6', 1, { readyReplicas: 1 })), undefined);
  assert.equal(editConflict(undefined, at('6', 1)), undefined);
});
