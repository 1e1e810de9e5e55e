import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { test } from 'node:test';
import { freePort } from './testing.js';
import { waitForHealth } from './wait-for-health.js';

async function serve(status: () => number): Promise<{ url: string; server: Server }> {
  const port = await freePort();
  const server = createServer((_req, res) => res.writeHead(status()).end());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/healthz`, server };
}

test('resolves once the URL answers 200', async (t) => {
  let calls = 0;
  const { url, server } = await serve(() => (++calls < 3 ? 503 : 200));
  t.after(() => server.close());
  assert.equal(await waitForHealth(url, { timeoutMs: 5000, intervalMs: 20 }), true);
  assert.equal(calls, 3);
});

test('keeps trying while nothing listens yet', async (t) => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/healthz`;
  const server = createServer((_req, res) => res.writeHead(200).end());
  setTimeout(() => server.listen(port, '127.0.0.1'), 200);
  t.after(() => server.close());
  assert.equal(await waitForHealth(url, { timeoutMs: 5000, intervalMs: 20 }), true);
});

test('times out with the URL and the last answer', async (t) => {
  const { url, server } = await serve(() => 503);
  t.after(() => server.close());
  await assert.rejects(waitForHealth(url, { timeoutMs: 200, intervalMs: 20 }), /healthz did not answer 200 within 0.2 s \(last: HTTP 503\)/);
});

test('an abort ends the wait with false', async (t) => {
  const { url, server } = await serve(() => 503);
  t.after(() => server.close());
  const abort = new AbortController();
  setTimeout(() => abort.abort(), 100);
  assert.equal(await waitForHealth(url, { timeoutMs: 10_000, intervalMs: 20, signal: abort.signal }), false);
});
