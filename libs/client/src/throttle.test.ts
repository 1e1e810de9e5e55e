import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import { WheelhouseClient } from './client.js';
import type { WheelhouseError } from './errors.js';

// The API answers 429 TOO_MANY_REQUESTS with Retry-After when a token is over its
// budget (API Priority and Fairness); the request never ran, so the client waits and
// resends it, mutations included, a bounded number of times.

let server: Server;
let url: string;
let refuseNext = 0;
let received = 0;

before(async () => {
  server = createServer((req, res) => {
    req.resume().on('end', () => {
      received++;
      if (refuseNext > 0) {
        refuseNext--;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
        res.end(JSON.stringify({ errors: [{ message: 'Too many requests, please try again later', extensions: { code: 'TOO_MANY_REQUESTS' } }] }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { ok: true } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
});
after(() => server.close());

test('a mutation refused with 429 is resent after Retry-After and succeeds', async () => {
  const client = new WheelhouseClient({ server: url, token: 't' });
  refuseNext = 2;
  received = 0;
  assert.deepEqual(await client.request('mutation { ok }'), { ok: true });
  assert.equal(received, 3);
  client.close();
});

test('a request still refused after five resends fails with TOO_MANY_REQUESTS', async () => {
  const client = new WheelhouseClient({ server: url, token: 't' });
  refuseNext = 100;
  received = 0;
  await assert.rejects(client.request('{ ok }'), (e: WheelhouseError) => e.code === 'TOO_MANY_REQUESTS' && e.httpStatus === 429);
  assert.equal(received, 6);
  refuseNext = 0;
  client.close();
});
