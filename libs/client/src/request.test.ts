import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import { WheelhouseClient } from './client.js';
import { isUnavailable, WheelhouseError } from './errors.js';
import { gql } from './gql.js';
import { startFakeApi, type FakeApi } from './testing/fake-api.js';

let api: FakeApi;
before(async () => (api = await startFakeApi({ token: 'secret' })));
after(() => api.close());

const FAIL = gql`
  mutation Fail($code: String!, $message: String!, $field: String) {
    fail(code: $code, message: $message, field: $field)
  }
`;

async function rejection(promise: Promise<unknown>): Promise<WheelhouseError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof WheelhouseError, `expected a WheelhouseError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the request to fail');
}

test('sends the bearer token and the variables separately from the document', async () => {
  const client = new WheelhouseClient({ server: api.url, token: 'secret' });
  const data = await client.request<{ whoami: string }>('query Who { whoami }');
  assert.equal(data.whoami, 'Bearer secret');

  await rejection(client.request(FAIL, { code: 'NOT_FOUND', message: 'pods "web" not found' }));
  const sent = api.requests.at(-1)!;
  assert.equal(sent.headers.authorization, 'Bearer secret');
  assert.equal(sent.body.query, FAIL);
  assert.deepEqual(sent.body.variables, { code: 'NOT_FOUND', message: 'pods "web" not found' });
  client.close();
});

test('a GraphQL error becomes a WheelhouseError with code, field and path', async () => {
  const client = new WheelhouseClient({ server: api.url, token: 'secret' });
  const error = await rejection(client.request(FAIL, { code: 'BAD_USER_INPUT', message: 'spec.replicas: must be >= 0', field: 'spec.replicas' }));
  assert.equal(error.code, 'BAD_USER_INPUT');
  assert.equal(error.field, 'spec.replicas');
  assert.deepEqual(error.path, ['fail']);
  assert.equal(error.message, 'spec.replicas: must be >= 0');
  assert.equal(error.httpStatus, 200);

  const conflict = await rejection(client.request(FAIL, { code: 'CONFLICT', message: 'the object has been modified' }));
  assert.equal(conflict.code, 'CONFLICT');
  assert.equal(conflict.field, undefined);
  client.close();
});

test('keeps every error of a response; the first one names the failure', async () => {
  const client = new WheelhouseClient({ server: api.url, token: 'secret' });
  const both = gql`
    mutation Both {
      a: fail(code: "FORBIDDEN", message: "first")
      b: fail(code: "CONFLICT", message: "second")
    }
  `;
  const error = await rejection(client.request(both));
  assert.equal(error.code, 'FORBIDDEN');
  assert.deepEqual(
    error.errors.map((e) => e.message),
    ['first', 'second'],
  );
  client.close();
});

test('a wrong token gets UNAUTHENTICATED', async () => {
  const client = new WheelhouseClient({ server: api.url, token: 'wrong' });
  assert.equal((await rejection(client.request('query { whoami }'))).code, 'UNAUTHENTICATED');
  client.close();
});

test('a validation error answered with HTTP 400 is still a GraphQL error', async () => {
  const client = new WheelhouseClient({ server: api.url, token: 'secret' });
  const error = await rejection(client.request('query { nope }'));
  assert.equal(error.httpStatus, 400);
  assert.match(error.message, /nope/);
  client.close();
});

test('an HTTP failure without a GraphQL body is UNAVAILABLE, and retried when asked', async () => {
  const client = new WheelhouseClient({ server: api.url, token: 'secret' });
  api.failHttp(1, 502);
  const error = await rejection(client.request('query { whoami }'));
  assert.equal(error.code, 'UNAVAILABLE');
  assert.equal(error.httpStatus, 502);

  api.failHttp(2, 503);
  const sentBefore = api.requests.length;
  const data = await client.request<{ whoami: string }>('query { whoami }', undefined, { retries: 2 });
  assert.equal(data.whoami, 'Bearer secret');
  assert.equal(api.requests.length - sentBefore, 3);
  client.close();
});

test('GraphQL errors are not retried', async () => {
  const client = new WheelhouseClient({ server: api.url, token: 'secret' });
  const sentBefore = api.requests.length;
  await rejection(client.request(FAIL, { code: 'INTERNAL_SERVER_ERROR', message: 'boom' }, { retries: 3 }));
  assert.equal(api.requests.length - sentBefore, 1);
  client.close();
});

test('a refused connection is UNAVAILABLE', async () => {
  const port = await freePort();
  const client = new WheelhouseClient({ server: `http://127.0.0.1:${port}/graphql` });
  const error = await rejection(client.request('query { whoami }'));
  assert.ok(isUnavailable(error));
  assert.match(error.message, /ECONNREFUSED/);
  client.close();
});

test('a request without an answer times out as UNAVAILABLE; the caller’s abort is ABORTED', async () => {
  const client = new WheelhouseClient({ server: api.url, token: 'secret', requestTimeoutMs: 100 });
  api.failHttp(1, 0);
  const timedOut = await rejection(client.request('query { whoami }'));
  assert.equal(timedOut.code, 'UNAVAILABLE');
  assert.match(timedOut.message, /timed out after 100 ms/);

  api.failHttp(1, 0);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 20);
  assert.equal((await rejection(client.request('query { whoami }', undefined, { signal: controller.signal }))).code, 'ABORTED');
  client.close();
});

test('close() fails requests in flight and later ones with CLOSED', async () => {
  const client = new WheelhouseClient({ server: api.url, token: 'secret' });
  api.failHttp(10, 503);
  const pending = client.request('query { whoami }', undefined, { retries: 10 });
  setTimeout(() => client.close(), 50);
  assert.equal((await rejection(pending)).code, 'CLOSED');
  assert.equal((await rejection(client.request('query { whoami }'))).code, 'CLOSED');
  api.failHttp(0, 0);
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
