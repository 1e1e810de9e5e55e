import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorLine } from './error-message.js';
import { migrationTimestamp } from './migration-timestamp.js';

test('errorLine keeps the engine message and drops its span trace', () => {
  const error = new Error(
    'external connector error\nError querying the database: ERROR: division by zero\n   0: sql_schema_connector::apply_migration::apply_script\n           with migration_name="x"',
  );
  assert.equal(errorLine(error), 'external connector error: Error querying the database: ERROR: division by zero');
  assert.equal(errorLine('plain'), 'plain');
});

test('migrationTimestamp is UTC YYYYMMDDHHMMSS', () => {
  assert.equal(migrationTimestamp(new Date('2025-03-04T05:06:07.890Z')), '20250304050607');
});
