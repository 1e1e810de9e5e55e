import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WheelhouseError } from '@wheelhouse/client';
import { formatError, UsageError } from './errors.js';

test('API codes become kubectl reasons', () => {
  assert.equal(formatError(new WheelhouseError('NOT_FOUND', 'pods "x" not found')), 'Error from server (NotFound): pods "x" not found');
  assert.equal(formatError(new WheelhouseError('ALREADY_EXISTS', 'pods "x" already exists')), 'Error from server (AlreadyExists): pods "x" already exists');
  assert.equal(formatError(new WheelhouseError('UNAUTHENTICATED', 'bad token')), 'Error from server (Unauthorized): bad token');
  assert.equal(formatError(new WheelhouseError('FORBIDDEN', 'no')), 'Error from server (Forbidden): no');
  assert.equal(formatError(new WheelhouseError('CONFLICT', 'stale')), 'Error from server (Conflict): stale');
  assert.equal(formatError(new WheelhouseError('BAD_USER_INPUT', 'bad', { field: 'spec.replicas' })), 'Error from server (Invalid): bad (field spec.replicas)');
  assert.equal(formatError(new WheelhouseError('BAD_USER_INPUT', 'bad')), 'Error from server (BadRequest): bad');
  assert.equal(formatError(new UsageError('oops', 'hint')), 'error: oops\nhint');
  assert.equal(formatError(new WheelhouseError('UNAVAILABLE', 'connect ECONNREFUSED')), 'error: the server could not be reached: connect ECONNREFUSED');
  const agentDown = new WheelhouseError('UNAVAILABLE', 'could not reach the node agent of node "n1"', { extensions: { code: 'UNAVAILABLE' } });
  assert.equal(formatError(agentDown), 'Error from server (ServiceUnavailable): could not reach the node agent of node "n1"');
});
