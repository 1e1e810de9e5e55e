import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@wheelhouse/migrate';
import { WheelhouseClient, watchResumable, type WatchHandle } from '@wheelhouse/client';
import { childPids, freePort, spawnLauncher, type LauncherProcess } from '../support/launcher.js';

// Issue 14, repro 6: `kill -9` of the API used to stop the whole cluster. The launcher
// now restarts it with back-off, as a kubelet restarts a static pod, and the rest
// carries on: writes work again and watches resume.

const TOKEN = 'launcher-restart-admin-token';
let database: ThrowawayDatabase;
let launcher: LauncherProcess;
let client: WheelhouseClient;
let watch: WatchHandle | undefined;

before(async () => {
  database = await createThrowawayDatabase();
  const port = await freePort();
  launcher = spawnLauncher({
    DATABASE_URL: database.url,
    PORT: String(port),
    DASHBOARD_PORT: String(await freePort()),
    WHEELHOUSE_DATA_DIR: mkdtempSync(join(tmpdir(), 'wh-launcher-')),
    WHEELHOUSE_ADMIN_TOKEN: TOKEN,
  });
  await launcher.waitForOutput(/running api, controller-manager/);
  client = new WheelhouseClient({ server: `http://127.0.0.1:${port}/graphql`, token: TOKEN });
});

after(async () => {
  watch?.stop();
  client?.close();
  if (launcher && launcher.exitCode === null) {
    const exited = new Promise((r) => launcher.once('exit', r));
    launcher.kill('SIGTERM');
    await exited;
  }
  await database?.drop();
});

const CREATE = 'mutation($name: String!) { createNamespace(input: { metadata: { name: $name } }) { metadata { name } } }';

/** Creates a namespace, retrying while the API is down (ALREADY_EXISTS: a lost response to an earlier try). */
async function createNamespace(name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await client.request(CREATE, { name });
      return;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ALREADY_EXISTS') return;
      if (code !== 'UNAVAILABLE' || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

test('kill -9 of the API under the launcher: it is restarted, writes work again and watches resume', async () => {
  const seen = new Set<string>();
  let wake = () => {};
  watch = watchResumable<{ metadata: { name: string } }>(client, {
    plural: 'namespaces',
    fields: 'metadata { name resourceVersion }',
    onRelist: (items) => {
      for (const item of items) seen.add(item.metadata.name);
      wake();
    },
    onEvent: (event) => {
      seen.add(event.object.metadata.name);
      wake();
    },
  });
  const waitToSee = async (name: string) => {
    const deadline = Date.now() + 60_000;
    while (!seen.has(name)) {
      assert.ok(Date.now() < deadline, `the watch never delivered ${name}; saw ${[...seen].join(', ')}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 500);
      });
    }
  };

  await createNamespace('before-kill');
  await waitToSee('before-kill');

  const [apiPid] = childPids(launcher.pid!, 'apps/api/dist/main.js');
  assert.ok(apiPid, 'the launcher runs the API as a child process');
  process.kill(apiPid, 'SIGKILL');
  await launcher.waitForOutput(/api exited unexpectedly \(signal SIGKILL\); restarting it in 1 s \(restart 1\)/);

  await createNamespace('after-restart');
  await waitToSee('after-restart');
  const [newPid] = childPids(launcher.pid!, 'apps/api/dist/main.js');
  assert.ok(newPid && newPid !== apiPid, 'a new API process');
  assert.equal(launcher.exitCode, null, 'the cluster is still running');
  assert.equal(childPids(launcher.pid!, 'apps/controller-manager/dist/main.js').length, 1, 'the controller-manager was left running');
});
