import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('./cli.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

test('cli: unknown command prints usage and exits 2', () => {
  const result = run('frobnicate');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^usage: /);
});

test('cli: failures are one line on stderr with exit code 1', () => {
  const result = run('diff', 'no spaces allowed');
  assert.equal(result.status, 1);
  assert.equal(result.stderr.trim().split('\n').length, 1);
  assert.match(result.stderr, /^migrate: invalid migration name/);
});

test('cli: deploy reports an unreachable database in one line', () => {
  const result = spawnSync(process.execPath, [cli, 'deploy'], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/postgres' },
  });
  assert.equal(result.status, 1);
  assert.equal(result.stderr.trim().split('\n').length, 1);
  assert.match(result.stderr, /^migrate: .*ECONNREFUSED/);
});
