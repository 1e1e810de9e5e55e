import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readConfig } from './config.js';

test('no DATABASE_URL: embedded PostgreSQL under ./.wheelhouse on port 54329', () => {
  const config = readConfig({}, '/repo');
  assert.deepEqual(config.database, {
    kind: 'embedded',
    pgDir: '/repo/.wheelhouse/postgres',
    passwordFile: '/repo/.wheelhouse/postgres-password',
    port: 54329,
    database: 'wheelhouse',
  });
  assert.equal(config.apiUrl, 'http://127.0.0.1:4000');
  assert.equal(config.serverUrl, 'http://127.0.0.1:4000/graphql');
});

test('WHEELHOUSE_DATA_DIR, WHEELHOUSE_PG_PORT and PORT are honoured', () => {
  const config = readConfig({ WHEELHOUSE_DATA_DIR: 'var/wh', WHEELHOUSE_PG_PORT: '6000', PORT: '4100' }, '/repo');
  assert.equal(config.database.kind, 'embedded');
  assert.equal(config.database.kind === 'embedded' && config.database.pgDir, '/repo/var/wh/postgres');
  assert.equal(config.database.kind === 'embedded' && config.database.port, 6000);
  assert.equal(config.serverUrl, 'http://127.0.0.1:4100/graphql');
  const absolute = readConfig({ WHEELHOUSE_DATA_DIR: '/data' }, '/repo');
  assert.equal(absolute.database.kind === 'embedded' && absolute.database.pgDir, '/data/postgres');
});

test('DATABASE_URL set: that database, no embedded server', () => {
  const url = 'postgresql://u:p@db.example:5432/wh';
  assert.deepEqual(readConfig({ DATABASE_URL: url, WHEELHOUSE_PG_PORT: 'ignored' }, '/repo').database, { kind: 'external', url });
});

test('an empty DATABASE_URL counts as unset', () => {
  assert.equal(readConfig({ DATABASE_URL: '  ' }, '/repo').database.kind, 'embedded');
});

test('bad ports are rejected with the variable name', () => {
  assert.throws(() => readConfig({ PORT: 'abc' }, '/repo'), /PORT must be a port number.*"abc"/);
  assert.throws(() => readConfig({ WHEELHOUSE_PG_PORT: '70000' }, '/repo'), /WHEELHOUSE_PG_PORT/);
  assert.throws(() => readConfig({ PORT: '40.5' }, '/repo'), /PORT/);
});
