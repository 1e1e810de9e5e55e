import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WheelhouseError } from '@wheelhouse/client';
import { routineConflict } from './routine-conflict.js';

const conflict = new WheelhouseError('CONFLICT', 'Operation cannot be fulfilled on pods "p": the object has been modified');

test('a retried conflict is not logged, unless LOG_LEVEL=debug; other failures are', () => {
  assert.equal(routineConflict(conflict, {}), true);
  assert.equal(routineConflict(conflict, { LOG_LEVEL: 'debug' }), false);
  assert.equal(routineConflict(new WheelhouseError('FORBIDDEN', 'no'), {}), false);
  assert.equal(routineConflict(new Error('boom'), {}), false);
});
