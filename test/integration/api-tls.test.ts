import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePki, servingNames, type Pki } from '@wheelhouse/pki';
import { WheelhouseClient, watchResumable, type WheelhouseError } from '@wheelhouse/client';
import { startTestApi, TEST_TOKEN, type TestApi } from '../support/api.js';
import { whRunner } from '../support/wh.js';

// The API over TLS with the cluster CA made at first start (issue 14): clients that
// are given the CA (option, WHEELHOUSE_CA_FILE, `wh --certificate-authority`) verify
// the API; a client without it refuses the connection.

let api: TestApi;
let pki: Pki;
let ca: string;

before(async () => {
  pki = ensurePki(mkdtempSync(join(tmpdir(), 'wh-tls-')), servingNames('127.0.0.1'));
  ca = readFileSync(pki.caFile, 'utf8');
  api = await startTestApi({ tls: { certFile: pki.certFile, keyFile: pki.keyFile } });
});
after(async () => {
  await api?.close();
});

test('the API serves https on its URL', () => {
  assert.match(api.url, /^https:\/\/127\.0\.0\.1:\d+\/graphql$/);
});

test('a client given the CA queries and watches over TLS (https and wss)', async () => {
  const client = new WheelhouseClient({ server: api.url, token: TEST_TOKEN, ca });
  try {
    await client.request('mutation { createNamespace(input: { metadata: { name: "over-tls" } }) { metadata { name } } }');
    const seen = await new Promise<string[]>((resolve, reject) => {
      const handle = watchResumable<{ metadata: { name: string } }>(client, {
        plural: 'namespaces',
        fields: 'metadata { name resourceVersion }',
        onRelist: (items) => {
          handle.stop();
          resolve(items.map((i) => i.metadata.name));
        },
        onEvent: () => {},
        onError: (error, willRetry) => !willRetry && reject(error),
      });
    });
    assert.ok(seen.includes('over-tls'));
    // The watch itself, over wss.
    const event = await new Promise<string>((resolve, reject) => {
      const stop = client.subscribe<{ watchNamespaces: { type: string } }>(
        'subscription { watchNamespaces { type object { metadata { name } } } }',
        {},
        {
          next: (data) => {
            stop();
            resolve(data.watchNamespaces.type);
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    assert.equal(event, 'ADDED');
  } finally {
    client.close();
  }
});

test('a client without the CA refuses the server: UNAVAILABLE with the certificate error', async () => {
  const saved = process.env.WHEELHOUSE_CA_FILE;
  delete process.env.WHEELHOUSE_CA_FILE;
  const client = new WheelhouseClient({ server: api.url, token: TEST_TOKEN });
  try {
    await assert.rejects(client.request('{ namespaces { items { metadata { name } } } }'), (e: WheelhouseError) => {
      assert.equal(e.code, 'UNAVAILABLE');
      assert.match(e.message, /certificate/i);
      return true;
    });
  } finally {
    client.close();
    if (saved !== undefined) process.env.WHEELHOUSE_CA_FILE = saved;
  }
});

test('WHEELHOUSE_CA_FILE gives every client (agents, controllers) the CA without code', async () => {
  process.env.WHEELHOUSE_CA_FILE = pki.caFile;
  const client = new WheelhouseClient({ server: api.url, token: TEST_TOKEN });
  try {
    const data = await client.request<{ namespaces: { items: unknown[] } }>('{ namespaces { items { metadata { name } } } }');
    assert.ok(data.namespaces.items.length > 0);
  } finally {
    client.close();
    delete process.env.WHEELHOUSE_CA_FILE;
  }
});

test('wh --certificate-authority verifies the API; without it wh says the certificate is not trusted', async () => {
  const wh = whRunner(api.url);
  const ok = await wh.run(['get', 'namespaces', '--certificate-authority', pki.caFile]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /over-tls/);
  const refused = await wh.run(['get', 'namespaces']);
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /certificate/i);
});
