import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readOrCreatePassword } from './password.js';

test('created once with mode 0600, then reused', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'wh-password-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'nested', 'postgres-password');
  const first = readOrCreatePassword(file, true);
  assert.ok(first.length >= 32);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(readOrCreatePassword(file, false), first);
  assert.equal(readOrCreatePassword(file, true), first, 'a retried init keeps the password');
});

test('an existing database without its password file is an error', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'wh-password-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  assert.throws(() => readOrCreatePassword(join(dir, 'postgres-password'), false), /password file .* is missing/);
});
