import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@wheelhouse/migrate';
import { WheelhouseClient } from '@wheelhouse/client';
import { freePort, spawnLauncher, type LauncherProcess } from '../support/launcher.js';

// `npm start` with WHEELHOUSE_TLS=1: the launcher makes the cluster CA, the API serves
// https, and every component verifies it with the CA file: the node agent registers
// and renews its Node, the controller-manager and the scheduler hold their leases, and
// the dashboard server checks a sign-in token against the API, all over TLS.

const TOKEN = 'launcher-tls-admin-token';
let database: ThrowawayDatabase;
let launcher: LauncherProcess;
let client: WheelhouseClient;
let dataDir: string;
let port: number;
let dashboardPort: number;

before(async () => {
  database = await createThrowawayDatabase();
  port = await freePort();
  dashboardPort = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), 'wh-launcher-tls-'));
  launcher = spawnLauncher({
    DATABASE_URL: database.url,
    PORT: String(port),
    DASHBOARD_PORT: String(dashboardPort),
    WHEELHOUSE_DATA_DIR: dataDir,
    WHEELHOUSE_ADMIN_TOKEN: TOKEN,
    WHEELHOUSE_TLS: '1',
  });
  await launcher.waitForOutput(/running api, controller-manager.*API at https:\/\/127\.0\.0\.1/);
  client = new WheelhouseClient({ server: `https://127.0.0.1:${port}/graphql`, token: TOKEN, ca: readFileSync(join(dataDir, 'pki', 'ca.crt'), 'utf8') });
});

after(async () => {
  client?.close();
  if (launcher && launcher.exitCode === null) {
    const exited = new Promise((r) => launcher.once('exit', r));
    launcher.kill('SIGTERM');
    await exited;
  }
  await database?.drop();
});

async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    assert.ok(Date.now() < deadline, `${what}\n${launcher.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

test('the whole cluster talks TLS, verified with the cluster CA', async () => {
  const ready = await eventually('a Ready node registered by the node agent over TLS', async () => {
    const { nodes } = await client.request<{ nodes: { items: { status: { conditions: { type: string; status: string }[] } }[] } }>(
      '{ nodes { items { status { conditions { type status } } } } }',
    );
    return nodes.items.some((n) => n.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True')) || undefined;
  });
  assert.equal(ready, true);
  const holders = await eventually('both leaders holding their lease over TLS', async () => {
    const { leases } = await client.request<{ leases: { items: { spec: { holderIdentity?: string } }[] } }>(
      '{ leases(namespace: "kube-system") { items { spec { holderIdentity } } } }',
    );
    const held = leases.items.filter((l) => l.spec.holderIdentity);
    return held.length >= 2 ? held.length : undefined;
  });
  assert.ok(holders >= 2);
  // The dashboard server validates a token with the API: that call is https, verified with the CA.
  const signIn = await fetch(`http://127.0.0.1:${dashboardPort}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${dashboardPort}` },
    body: JSON.stringify({ token: TOKEN }),
  });
  assert.equal(signIn.status, 200, await signIn.text());
  assert.doesNotMatch(launcher.output(), /self[- ]signed|unable to verify|UNABLE_TO_VERIFY|CERT_/i);
});

test('the launcher starts the ingress controller, which reaches the API over TLS and serves the default IngressClass', async () => {
  await launcher.waitForOutput(/serving IngressClass wheelhouse on 127\.54\.\d+\.\d+: http \d+, https \d+/, 60_000);
  const classes = await client.request<{ ingressClass: { metadata: { annotations: Record<string, string> }; spec: { controller: string } } | null }>(
    `query { ingressClass(name: "wheelhouse") { metadata { annotations } spec { controller } } }`,
  );
  assert.equal(classes.ingressClass?.spec.controller, 'wheelhouse.dev/ingress-controller');
  assert.equal(classes.ingressClass?.metadata.annotations['ingressclass.kubernetes.io/is-default-class'], 'true');
});
