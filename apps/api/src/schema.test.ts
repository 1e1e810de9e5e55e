import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SCHEMA_FILE, schemaText } from './print-schema.js';

test('the committed schema.graphql is up to date (run `npm run schema`)', async () => {
  assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), await schemaText());
});
