import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { WheelhouseClient } from './client.js';
import { WheelhouseError } from './errors.js';

/**
 * A raw HTTP server that resets the connection (RST, the client reads ECONNRESET)
 * instead of answering the next `resets` requests, and answers the others with a
 * GraphQL result; `held` requests get no answer until released.
 */
let server: Server;
let url: string;
let resets = 0;
let received = 0;
let hold = false;
const held: (() => void)[] = [];
before(async () => {
  server = createServer((socket: Socket) => {
    let buffer = '';
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      // One request per chunk is enough here: small bodies with a content-length.
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/content-length: (\d+)/i.exec(buffer.slice(0, headerEnd))?.[1] ?? 0);
      if (buffer.length < headerEnd + 4 + length) return;
      buffer = '';
      received++;
      if (resets > 0) {
        resets--;
        socket.resetAndDestroy();
        return;
      }
      const answer = () => {
        const body = JSON.stringify({ data: { ok: true } });
        socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: keep-alive\r\n\r\n${body}`);
      };
      if (hold) held.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
});
after(() => server.close());

async function rejection(promise: Promise<unknown>): Promise<WheelhouseError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof WheelhouseError, `expected a WheelhouseError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the request to fail');
}

test('a query whose connection is reset before any answer is sent again once, at once', async () => {
  const client = new WheelhouseClient({ server: url });
  resets = 1;
  received = 0;
  assert.deepEqual(await client.request('query { ok }'), { ok: true });
  assert.equal(received, 2);

  // Only once: a second reset in a row is the caller's failure (UNAVAILABLE, retried only if asked).
  resets = 2;
  received = 0;
  const error = await rejection(client.request('query { ok }'));
  assert.equal(error.code, 'UNAVAILABLE');
  assert.match(error.message, /ECONNRESET/);
  assert.equal(received, 2);
  client.close();
});

test('a mutation is not sent again after a reset unless marked idempotent (e.g. a resourceVersion precondition)', async () => {
  const client = new WheelhouseClient({ server: url });
  resets = 1;
  received = 0;
  const error = await rejection(client.request('mutation { createPod }'));
  assert.equal(error.code, 'UNAVAILABLE');
  assert.equal(received, 1, 'the server may have acted on it: not resent');

  resets = 1;
  received = 0;
  assert.deepEqual(await client.request('mutation { patchLease }', undefined, { idempotent: true }), { ok: true });
  assert.equal(received, 2);
  client.close();
});

test('drain() refuses new requests at once and resolves when those in flight have settled', async () => {
  const client = new WheelhouseClient({ server: url });
  hold = true;
  received = 0;
  const pending = client.request('query { ok }');
  while (received === 0) await new Promise((r) => setTimeout(r, 5));
  let drained = false;
  const draining = client.drain().then(() => (drained = true));
  assert.equal((await rejection(client.request('query { ok }'))).code, 'CLOSED');
  assert.equal(received, 1, 'the refused request never reached the server');
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(drained, false, 'still waiting for the request in flight');
  hold = false;
  for (const answer of held.splice(0)) answer();
  assert.deepEqual(await pending, { ok: true }, 'the request in flight got its answer');
  await draining;
  assert.ok(drained);
  client.close();
});
