import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SERVER, loadConfig, resolveConnection, saveConfig } from './config.js';

const config = { 'current-context': 'dev', contexts: [{ name: 'dev', server: 'http://dev/graphql', token: 't', namespace: 'shop' }, { name: 'prod', server: 'http://prod/graphql' }] };

test('the current context, another by name, then environment overrides', () => {
  assert.deepEqual(resolveConnection(config, undefined, {}), { server: 'http://dev/graphql', token: 't', namespace: 'shop' });
  assert.deepEqual(resolveConnection(config, 'prod', {}), { server: 'http://prod/graphql', token: undefined, namespace: 'default' });
  assert.deepEqual(resolveConnection(config, undefined, { WHEELHOUSE_SERVER: 'http://env', WHEELHOUSE_TOKEN: 'e' }), { server: 'http://env', token: 'e', namespace: 'shop' });
  assert.equal(resolveConnection({ contexts: [] }, undefined, {}).server, DEFAULT_SERVER);
  assert.throws(() => resolveConnection(config, 'nope', {}), /does not exist/);
});

test('saved as YAML, read back; JSON files read too; a missing file is empty', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wh-cfg-'));
  saveConfig(config, join(dir, 'config'));
  assert.deepEqual(loadConfig(join(dir, 'config')), config);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(dir, 'json'), JSON.stringify(config));
  assert.deepEqual(loadConfig(join(dir, 'json')), config);
  assert.deepEqual(loadConfig(join(dir, 'missing')), { contexts: [] });
});
