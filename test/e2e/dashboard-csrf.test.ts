import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import WebSocket from 'ws';
import { startTestApi, TEST_TOKEN, type TestApi } from '../support/api.js';
import { spawnComponent, type ComponentProcess } from '../support/component.js';
import { eventually } from '../support/controller-manager.js';
import { CHROMIUM, launchChromium } from './browser.js';

// Issue 14, repro 5: a text/plain form post from another port of the same site
// (127.0.0.1:<other port>) created a namespace through the dashboard proxy, which
// relabelled every body as JSON and never checked Origin; `/sign-in?next=/%5Chost/`
// redirected off-site; no script-src CSP, no nosniff; `Origin: null` on the WebSocket
// upgrade threw. Driven in headless Chromium against the real dashboard server and API.

const listen = async (server: Server) => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as { port: number }).port;
};

describe('dashboard CSRF and browser hardening', { skip: !existsSync(CHROMIUM) && `no ${CHROMIUM}`, timeout: 300_000 }, () => {
  let api: TestApi;
  let dashboard: ComponentProcess;
  let dashboardUrl: string;
  let attacker: Server;
  let attackerUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    api = await startTestApi();
    const probe = createServer();
    const port = await listen(probe);
    probe.close();
    dashboardUrl = `http://127.0.0.1:${port}`;
    dashboard = spawnComponent('apps/dashboard/server.mjs', api.url, { WHEELHOUSE_DASHBOARD_PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' });
    await eventually(async () => (await fetch(`${dashboardUrl}/sign-in`).catch(() => undefined))?.ok ?? false, 60_000, `dashboard: ${dashboard.output()}`);
    // The attacker: a page on another port of the same host, so the same site for SameSite cookies.
    const mutation = 'mutation { createNamespace(input: { metadata: { name: "csrf-victim" } }) { metadata { name } } }';
    const field = `{"query":${JSON.stringify(mutation)},"x":"`;
    attacker = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html><body>
<form id="f" action="${dashboardUrl}/api/graphql" method="POST" enctype="text/plain"><input name='${field.replace(/'/g, '&#39;')}' value='"}'></form>
<script>document.getElementById('f').submit()</script></body></html>`),
    );
    attackerUrl = `http://127.0.0.1:${await listen(attacker)}/`;
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    attacker?.close();
    if (dashboard && dashboard.exitCode === null) {
      const exited = once(dashboard, 'exit');
      dashboard.kill('SIGTERM');
      await exited;
    }
    await api?.close();
  });

  test('signed in, the dashboard works under its CSP (its scripts run), and pages carry script-src and nosniff', async () => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const response = await page.goto(`${dashboardUrl}/sign-in`);
    const csp = response!.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    assert.equal(response!.headers()['x-content-type-options'], 'nosniff');
    await page.getByLabel('Bearer token').fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${dashboardUrl}/`);
    await page.getByRole('heading', { name: 'Overview' }).or(page.getByRole('heading').first()).first().waitFor();
    assert.deepEqual(
      errors.filter((e) => /Content Security Policy/i.test(e)),
      [],
      'no script was blocked',
    );
  });

  test('a cross-origin text/plain form post with the victim cookie is refused and creates nothing', async () => {
    // The form post is a navigation; the previous page's own GraphQL fetches (still answering) are not.
    const posted = page.waitForResponse((r) => r.url() === `${dashboardUrl}/api/graphql` && r.request().isNavigationRequest());
    await page.goto(attackerUrl);
    const response = await posted;
    assert.equal(response.status(), 403);
    assert.equal(response.request().headers()['content-type'], 'text/plain', 'the browser sent the form as text/plain');
    const { namespace } = await api.ok('{ namespace(name: "csrf-victim") { metadata { name } } }');
    assert.equal(namespace, null, 'no namespace was created');
  });

  test('the proxy refuses a same-origin post that is not JSON instead of relabelling it', async () => {
    await page.goto(`${dashboardUrl}/sign-in`);
    const status = await page.evaluate(async () => {
      const res = await fetch('/api/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' });
      return res.status;
    });
    assert.equal(status, 415);
  });

  test('/sign-in?next=/%5Chost/ stays on the dashboard after signing in', async () => {
    await context.clearCookies();
    await page.goto(`${dashboardUrl}/sign-in?next=/%5Cevil.example/`);
    await page.getByLabel('Bearer token').fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === dashboardUrl && !url.pathname.startsWith('/sign-in'));
    assert.equal(new URL(page.url()).origin, dashboardUrl);
  });

  test('WebSocket upgrades: Origin null or another origin is 403 (and the server stays up); a bad cookie is 401', async () => {
    const cookie = (await context.cookies()).find((c) => c.name === 'wh-token');
    assert.ok(cookie, 'signed in');
    const upgrade = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${dashboardUrl.replace('http', 'ws')}/api/graphql`, 'graphql-transport-ws', { headers });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('error', () => {});
      });
    assert.equal(await upgrade({ origin: 'null', cookie: `wh-token=${cookie.value}` }), 403);
    assert.equal(await upgrade({ origin: attackerUrl.slice(0, -1), cookie: `wh-token=${cookie.value}` }), 403);
    assert.equal(await upgrade({ origin: dashboardUrl, cookie: 'wh-token=forged' }), 401);
    assert.equal(await upgrade({ origin: dashboardUrl, cookie: `wh-token=${cookie.value}` }), 101);
    assert.equal((await fetch(`${dashboardUrl}/sign-in`)).status, 200, 'the dashboard server is still up');
  });
});
