import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelay } from './backoff.js';
import { fromGraphQLErrors, isConflict, isNotFound, WheelhouseError } from './errors.js';
import { gql } from './gql.js';
import { isNewer } from './resource-version.js';

test('the first GraphQL error gives code, field, path and message; all are kept', () => {
  const error = fromGraphQLErrors([
    { message: 'spec.replicas: must be >= 0', path: ['createDeployment'], extensions: { code: 'BAD_USER_INPUT', field: 'spec.replicas' } },
    { message: 'second', extensions: { code: 'CONFLICT' } },
  ]);
  assert.ok(error instanceof WheelhouseError && error instanceof Error);
  assert.equal(error.name, 'WheelhouseError');
  assert.equal(error.code, 'BAD_USER_INPUT');
  assert.equal(error.field, 'spec.replicas');
  assert.deepEqual(error.path, ['createDeployment']);
  assert.equal(error.message, 'spec.replicas: must be >= 0');
  assert.equal(error.errors.length, 2);
});

test('an error without a code counts as the server’s fault', () => {
  assert.equal(fromGraphQLErrors([{ message: 'Cannot query field "x"' }]).code, 'INTERNAL_SERVER_ERROR');
});

test('code helpers', () => {
  const conflict = new WheelhouseError('CONFLICT', 'stale');
  assert.equal(isConflict(conflict), true);
  assert.equal(isNotFound(conflict), false);
  assert.equal(isConflict(new Error('CONFLICT')), false);
});

test('resourceVersions compare as integers, not strings', () => {
  assert.equal(isNewer('10', '9'), true);
  assert.equal(isNewer('9', '10'), false);
  assert.equal(isNewer('10', '10'), false);
  assert.equal(isNewer('18446744073709551617', '18446744073709551616'), true);
  assert.equal(isNewer('5', undefined), true);
  assert.equal(isNewer('abc', '1'), false);
});

test('backoff doubles from 100 ms to a 5 s ceiling, jittered within [d/2, d]', () => {
  assert.equal(
    backoffDelay(0, 100, 5000, () => 1),
    100,
  );
  assert.equal(
    backoffDelay(0, 100, 5000, () => 0),
    50,
  );
  assert.equal(
    backoffDelay(3, 100, 5000, () => 1),
    800,
  );
  assert.equal(
    backoffDelay(20, 100, 5000, () => 1),
    5000,
  );
});

test('gql returns the document text', () => {
  const fields = 'metadata { name }';
  assert.equal(gql`query { pods { items { ${fields} } } }`, 'query { pods { items { metadata { name } } } }');
});
