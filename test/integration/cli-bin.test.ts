// The installed `wh`: the package's bin is an executable script that runs by itself (`npx wh`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startTestApi, TEST_TOKEN, type TestApi } from '../support/api.js';

const CLI = fileURLToPath(new URL('../../../apps/cli/', import.meta.url));
let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => api?.close());

test('the bin named in package.json is executable, starts with a node shebang, and runs wh against a server', async () => {
  const pkg = JSON.parse(readFileSync(`${CLI}/package.json`, 'utf8')) as { bin: Record<string, string> };
  const bin = `${CLI}/${pkg.bin.wh}`;
  assert.ok(statSync(bin).mode & 0o111, 'executable');
  assert.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  // Run as a program, not through `node`: the shebang and the mode do the work.
  const { stdout } = await promisify(execFile)(bin, ['get', 'namespaces', 'default', '-o', 'name', '--server', api.url, '--token', TEST_TOKEN]);
  assert.equal(stdout, 'namespace/default\n');
});
