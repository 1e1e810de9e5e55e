import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, readLocalAdminToken, resolveConnection, saveConfig } from './config.js';

const config = {
  'current-context': 'dev',
  contexts: [
    { name: 'dev', server: 'http://dev/graphql', token: 't', namespace: 'shop' },
    { name: 'prod', server: 'http://prod/graphql' },
  ],
};

test('the current context, another by name, then environment overrides', () => {
  assert.deepEqual(resolveConnection(config, {}, {}), { server: 'http://dev/graphql', token: 't', namespace: 'shop' });
  assert.deepEqual(resolveConnection(config, { context: 'prod' }, {}), { server: 'http://prod/graphql', token: undefined, namespace: 'default' });
  assert.deepEqual(resolveConnection(config, {}, { WHEELHOUSE_SERVER: 'http://env', WHEELHOUSE_TOKEN: 'e' }), { server: 'http://env', token: 'e', namespace: 'shop' });
  assert.equal(resolveConnection({ contexts: [] }, {}, {}).server, 'http://127.0.0.1:4000/graphql');
  // npm start's API moved by PORT (issue 16 bug 4), and over TLS when asked.
  assert.equal(resolveConnection({ contexts: [] }, {}, { PORT: '4100' }).server, 'http://127.0.0.1:4100/graphql');
  assert.equal(resolveConnection({ contexts: [] }, {}, { PORT: '4100', WHEELHOUSE_TLS: '1' }).server, 'https://127.0.0.1:4100/graphql');
  assert.throws(() => resolveConnection(config, { context: 'nope' }, {}), /does not exist/);
});

test('--server and --token beat everything; the local admin token is the last resort', () => {
  const env = { WHEELHOUSE_SERVER: 'http://env', WHEELHOUSE_TOKEN: 'e' };
  assert.deepEqual(resolveConnection(config, { server: 'http://flag', token: 'f' }, env), { server: 'http://flag', token: 'f', namespace: 'shop' });
  assert.equal(resolveConnection({ contexts: [] }, {}, {}, () => 'local').token, 'local');
  assert.equal(resolveConnection(config, {}, {}, () => 'local').token, 't');
  const dir = mkdtempSync(join(tmpdir(), 'wh-data-'));
  assert.equal(readLocalAdminToken({ WHEELHOUSE_DATA_DIR: 'd' }, dir), undefined);
  mkdirSync(join(dir, 'd'));
  writeFileSync(join(dir, 'd', 'admin-token'), 'secret\n');
  assert.equal(readLocalAdminToken({ WHEELHOUSE_DATA_DIR: 'd' }, dir), 'secret');
});

test('saved as YAML, read back; JSON files read too; a missing file is empty', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wh-cfg-'));
  saveConfig(config, join(dir, 'config'));
  assert.deepEqual(loadConfig(join(dir, 'config')), config);
  writeFileSync(join(dir, 'json'), JSON.stringify(config));
  assert.deepEqual(loadConfig(join(dir, 'json')), config);
  assert.deepEqual(loadConfig(join(dir, 'missing')), { contexts: [] });
});
