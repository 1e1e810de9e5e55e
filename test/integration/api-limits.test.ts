import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { startTestApi, TEST_TOKEN, type TestApi } from '../support/api.js';

// Issue 14, repro 1 and 4: requests that used to take the control plane down.

const MiB = 1024 * 1024;

/**
 * Sends a POST whose body is `total` bytes of "a" in 1 MiB writes and stops as soon as
 * the server answers or closes. Resolves with the status line and how much was sent.
 */
function postHuge(url: URL, total: number, { chunked, token }: { chunked: boolean; token?: string }): Promise<{ head: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let head = '';
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(MiB, 'a');
    socket.on('data', (data) => {
      head += data.toString();
      answered = true;
    });
    socket.on('error', () => {}); // EPIPE/ECONNRESET once the server closes: expected
    socket.on('close', () => (head ? resolve({ head, sent }) : reject(new Error(`closed without an answer after ${sent} bytes`))));
    socket.write(
      `POST ${url.pathname} HTTP/1.1\r\nhost: ${url.host}\r\ncontent-type: application/json\r\n` +
        (token ? `authorization: Bearer ${token}\r\n` : '') +
        (chunked ? 'transfer-encoding: chunked\r\n\r\n' : `content-length: ${total}\r\n\r\n`),
    );
    const pump = () => {
      while (!answered && !socket.destroyed && sent < total) {
        const ok = socket.write(chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk);
        sent += chunk.length;
        if (!ok) return void socket.once('drain', pump);
      }
    };
    pump();
  });
}

describe('request limits', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi({ limits: { maxAliases: 50, maxTokens: 10_000 } });
  });
  after(async () => {
    await api?.close();
  });

  const healthy = async () => {
    const res = await fetch(new URL('/healthz', api.url));
    assert.equal(res.status, 200);
    assert.deepEqual((await api.ok('{ namespaces { items { metadata { name } } } }')).namespaces.items.length > 0, true);
  };

  test('a 600 MB body declared in Content-Length gets 413 before it is read, and the API stays up', async () => {
    const { head, sent } = await postHuge(new URL(api.url), 600_000_000, { chunked: false, token: TEST_TOKEN });
    assert.match(head, /^HTTP\/1\.1 413/);
    assert.match(head, /Request entity too large: limit is 3145728/);
    assert.ok(sent < 100 * MiB, `the answer came after ${sent} bytes, long before the 600 MB were sent`);
    await healthy();
  });

  test('a chunked body is cut off with 413 once it passes the limit', async () => {
    const { head, sent } = await postHuge(new URL(api.url), 600_000_000, { chunked: true, token: TEST_TOKEN });
    assert.match(head, /^HTTP\/1\.1 413/);
    assert.ok(sent < 100 * MiB, `answered after ${sent} bytes`);
    await healthy();
  });

  test('an unauthenticated body is refused with 401 before it is read', async () => {
    const { head, sent } = await postHuge(new URL(api.url), 600_000_000, { chunked: false });
    assert.match(head, /^HTTP\/1\.1 401/);
    assert.match(head, /"code":"UNAUTHENTICATED"/);
    assert.ok(sent < 100 * MiB, `answered after ${sent} bytes`);
    await healthy();
  });

  test('the 30,000-field __typename query is refused while parsing (token limit)', async () => {
    const result = await api.gql(`{ ${'__typename '.repeat(30_000)} }`);
    assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(result.errors![0]!.message, /Document contains more that 10000 tokens/);
    await healthy();
  });

  test('a field repeated thousands of times under the token limit is refused before validation', async () => {
    const result = await api.gql(`{ ${'__typename '.repeat(5_000)} }`);
    assert.equal(result.errors?.length, 1);
    assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(result.errors![0]!.message, /the field "__typename" is selected more than 10 times/);
  });

  test('1,000 aliased pod lists are refused; so are 51', async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `p${i}: pods { items { metadata { name } } }`).join(' ')} }`;
    const thousand = await api.gql(aliased(1000));
    assert.equal(thousand.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const fiftyOne = await api.gql(aliased(51));
    assert.equal(fiftyOne.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(fiftyOne.errors![0]!.message, /Aliases limit of 50 exceeded/);
    const fifty = await api.gql(aliased(50));
    assert.equal(fifty.errors, undefined);
  });

  test('a query nested deeper than the limit is refused', async () => {
    // Checked before the schema is: the field names need not exist.
    const result = await api.gql(`{ ${'a { '.repeat(30)}b${' }'.repeat(30)} }`);
    assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(result.errors![0]!.message, /Query refused: Query depth limit of 20 exceeded/);
  });

  test('regression: GET /graphql from a browser serves no landing page loaded from a CDN', async () => {
    const res = await fetch(api.url, { headers: { accept: 'text/html', authorization: `Bearer ${TEST_TOKEN}` } });
    const body = await res.text();
    assert.doesNotMatch(res.headers.get('content-type') ?? '', /text\/html/);
    assert.doesNotMatch(body, /cdn|apollographql\.com|<script/i);
  });

  test('list limit: 0 and negative are BAD_USER_INPUT on `limit`; a huge one is capped with a continue token', async () => {
    for (const limit of [0, -1]) {
      const result = await api.gql(`query($limit: Int) { namespaces(limit: $limit) { items { metadata { name } } } }`, { limit });
      assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', `limit ${limit}`);
      assert.equal(result.errors?.[0]?.extensions?.field, 'limit');
    }
    const capped = await startTestApi({ databaseUrl: api.databaseUrl, limits: { maxListLimit: 2 } });
    try {
      const page = await capped.ok<{ namespaces: { metadata: { continue?: string }; items: unknown[] } }>(
        `{ namespaces(limit: 2147483647) { metadata { continue } items { metadata { name } } } }`,
      );
      assert.equal(page.namespaces.items.length, 2);
      assert.ok(page.namespaces.metadata.continue, 'a continue token for the rest');
    } finally {
      await capped.server.close();
    }
  });
});

describe('per-token flow control (API Priority and Fairness)', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi({ limits: { perTokenConcurrency: 1, perTokenQueue: 0, systemConcurrency: 4, systemQueue: 100 } });
  });
  after(async () => {
    await api?.close();
  });

  const post = (query: string, token: string) =>
    fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });

  test('a token over its budget gets 429 TOO_MANY_REQUESTS with Retry-After; node agents and lease renewals have their own budget', async () => {
    // A node agent's own credential, exchanged for the shared node token as the agents do.
    const bootstrap = readFileSync(api.server.nodeTokenFile!, 'utf8').trim();
    const exchanged = (await (await post('mutation { nodeCredential(nodeName: "limits-node") { token } }', bootstrap)).json()) as { data: { nodeCredential: { token: string } } };
    const nodeToken = exchanged.data.nodeCredential.token;
    // Ten slow-ish lists at once from one token: one runs, the rest find no seat.
    const burst = await Promise.all(Array.from({ length: 10 }, () => post('{ pods { items { metadata { name } } } namespaces { items { metadata { name } } } }', TEST_TOKEN)));
    const refused = burst.filter((r) => r.status === 429);
    assert.ok(refused.length > 0, `some of the burst was refused: ${burst.map((r) => r.status).join(',')}`);
    assert.equal(refused[0]!.headers.get('retry-after'), '1');
    const body = (await refused[0]!.json()) as { errors: { extensions: { code: string } }[] };
    assert.equal(body.errors[0]!.extensions.code, 'TOO_MANY_REQUESTS');

    // While the admin token is saturated, the node token and lease operations still run.
    const [flood, node, lease] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, () => post('{ pods { items { metadata { name } } } }', TEST_TOKEN))),
      post('{ nodes { items { metadata { name } } } }', nodeToken),
      post('{ leases(namespace: "kube-system") { items { metadata { name } } } }', TEST_TOKEN),
    ]);
    assert.ok(
      flood.some((r) => r.status === 429),
      'the flood is throttled',
    );
    assert.equal(node.status, 200);
    assert.equal(((await node.json()) as { errors?: unknown }).errors, undefined);
    assert.equal(lease.status, 200);
  });
});

describe('WebSocket limits', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi({ limits: { connectionInitTimeoutMs: 2000, maxBodyBytes: 64 * 1024 } });
  });
  after(async () => {
    await api?.close();
  });

  const open = () => {
    const ws = new WebSocket(api.url.replace('http', 'ws'), 'graphql-transport-ws');
    const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('error', () => {});
    return { ws, closed, opened: new Promise((resolve) => ws.on('open', resolve)) };
  };

  test('a socket that never sends connection_init is closed (4408)', async () => {
    const { closed } = open();
    assert.equal((await closed).code, 4408);
  });

  test('a connection_init with a wrong token is closed (4403) before it may subscribe', async () => {
    const { ws, closed, opened } = open();
    await opened;
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer wrong' } }));
    const { code, reason } = await closed;
    assert.equal(code, 4403);
    assert.equal(reason, 'UNAUTHENTICATED: invalid bearer token');
  });

  test('a message larger than the limit closes the socket (1009) without being buffered', async () => {
    const { ws, closed, opened } = open();
    await opened;
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${TEST_TOKEN}`, padding: 'x'.repeat(1024 * 1024) } }));
    assert.equal((await closed).code, 1009);
    assert.equal((await fetch(new URL('/healthz', api.url))).status, 200);
  });
});
