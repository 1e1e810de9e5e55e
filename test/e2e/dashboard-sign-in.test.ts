// The sign-in page names the admin token's file where this cluster keeps it (issue 16 bug 4).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { startTestApi, type TestApi } from '../support/api.js';
import { spawnComponent, type ComponentProcess } from '../support/component.js';
import { eventually } from '../support/controller-manager.js';

let api: TestApi;
let dashboard: ComponentProcess;
let url: string;

before(async () => {
  api = await startTestApi();
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  url = `http://127.0.0.1:${port}`;
  dashboard = spawnComponent('apps/dashboard/server.mjs', api.url, {
    WHEELHOUSE_DASHBOARD_PORT: String(port),
    WHEELHOUSE_DATA_DIR: '/srv/wheelhouse-data/',
    NEXT_TELEMETRY_DISABLED: '1',
  });
  await eventually(async () => (await fetch(`${url}/sign-in`).catch(() => undefined))?.ok === true, 60_000, `dashboard on ${url}: ${dashboard.output()}`);
});
after(async () => {
  if (dashboard && dashboard.exitCode === null) {
    const exited = once(dashboard, 'exit');
    dashboard.kill('SIGTERM');
    await exited;
  }
  await api?.close();
});

test('the sign-in page points at <WHEELHOUSE_DATA_DIR>/admin-token, not the default directory', async () => {
  const html = await (await fetch(`${url}/sign-in`)).text();
  assert.match(html, /\/srv\/wheelhouse-data\/admin-token/);
  assert.doesNotMatch(html, /\.wheelhouse\/admin-token/);
});
