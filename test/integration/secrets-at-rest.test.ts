// Secrets encrypted at rest, end to end: the real API over PostgreSQL stores only
// ciphertext (table, change log), serves plaintext to its clients and watches, keeps
// values out of the history API, and `npm run secrets:rotate` re-encrypts every Secret
// under a new key while writes go on.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startTestApi, collect, type TestApi } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';

const PASSWORD = 'Pa55w0rd-never-in-the-database';
const TOKEN = 'api-token-never-in-the-database';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const SECRET_VALUES = [PASSWORD, TOKEN, b64(PASSWORD), b64(TOKEN)];

let api: TestApi;
let sql: pg.Client;
const dataDir = mkdtempSync(join(tmpdir(), 'wh-at-rest-'));
before(async () => {
  api = await startTestApi({ dataDir, audit: { path: join(dataDir, 'audit', 'audit.log'), maxSize: '10M', maxBackups: 1, everything: true } });
  sql = new pg.Client({ connectionString: api.databaseUrl });
  await sql.connect();
});
after(async () => {
  await sql?.end();
  await api?.close();
});

/** Every stored byte of Secrets as text: the table, the change log. */
async function rawStorage(): Promise<string> {
  const rows = await sql.query(`SELECT row_to_json(s)::text AS t FROM "secrets" s`);
  const log = await sql.query(`SELECT row_to_json(c)::text AS t FROM "change_log" c WHERE "kind" = 'Secret'`);
  return [...rows.rows, ...log.rows].map((r) => r.t as string).join('\n');
}

function assertNoSecretValue(text: string, where: string) {
  for (const value of SECRET_VALUES) assert.ok(!text.includes(value), `${where} holds ${value}`);
}

describe('Secrets at rest', () => {
  test('the API serves plaintext base64 and watches deliver it; the table and change log hold ciphertext only', async () => {
    // From a listed resourceVersion, so no event can slip past a watch still starting.
    const { secrets: before } = await api.ok(`query { secrets(namespace: "default") { metadata { resourceVersion } } }`);
    const watch = collect<{ watchSecrets: { type: string; object: { data: Record<string, string> } } }>(
      api.ws(),
      `subscription($rv: String) { watchSecrets(namespace: "default", resourceVersion: $rv) { type object { metadata { name } data } } }`,
      { rv: before.metadata.resourceVersion },
      3,
    );
    await api.ok(`mutation($input: SecretInput!) { createSecret(input: $input) { metadata { name } } }`, {
      input: { metadata: { name: 'db' }, stringData: { password: PASSWORD } },
    });
    await api.ok(`mutation($p: JSONObject!) { patchSecret(name: "db", patch: $p) { metadata { name } } }`, { p: { data: { token: b64(TOKEN) } } });
    const manifest = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: applied\nstringData:\n  token: ${TOKEN}\n`;
    await api.ok(`mutation($m: String!) { apply(manifest: $m) { objects { name action } } }`, { m: manifest });

    const { secret } = await api.ok(`query { secret(name: "db") { data } }`);
    assert.deepEqual(secret.data, { password: b64(PASSWORD), token: b64(TOKEN) });
    const { secrets } = await api.ok(`query { secrets(namespace: "default", limit: 1) { items { data } metadata { continue } } }`);
    assert.ok(secrets.items[0].data, 'lists open Secrets too');
    const events = await watch.done;
    assert.deepEqual(
      events.map((e) => e.watchSecrets.type),
      ['ADDED', 'MODIFIED', 'ADDED'],
    );
    assert.deepEqual(events[1]!.watchSecrets.object.data, { password: b64(PASSWORD), token: b64(TOKEN) });
    assert.deepEqual(events[2]!.watchSecrets.object.data, { token: b64(TOKEN) });

    const raw = await rawStorage();
    assertNoSecretValue(raw, 'the secrets table or change log');
    assert.match(raw, /k8s:enc:aesgcm:v1:key1:/);
    const { rows } = await sql.query(`SELECT "spec" FROM "secrets" WHERE "name" = 'db'`);
    assert.equal(rows[0].spec.type, 'Opaque', 'type stays readable (field selectors)');
    assert.match(rows[0].spec.data, /^k8s:enc:aesgcm:v1:key1:[A-Za-z0-9+/=]+$/);
  });

  test('a watch resumed from an old resourceVersion reads the change log and gets plaintext', async () => {
    const events = collect<{ watchSecrets: { object: { data: Record<string, string> } } }>(
      api.ws(),
      `subscription { watchSecrets(namespace: "default", resourceVersion: "1") { type object { data } } }`,
      {},
      3,
    );
    const got = await events.done;
    assert.deepEqual(got[0]!.watchSecrets.object.data, { password: b64(PASSWORD) });
  });

  test('the history API shows which keys changed, never their values', async () => {
    const { history } = await api.ok(`query { history(kind: "Secret", name: "db") { type object } }`);
    assert.equal(history.length, 2);
    assert.deepEqual(history[1].object.data, { password: '<redacted>', token: '<redacted>' });
    const applied = await api.ok(`query { history(kind: "secrets", name: "applied") { object } }`);
    assert.equal(applied.history[0].object.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'], '<redacted>');
    assertNoSecretValue(JSON.stringify([history, applied]), 'the history API');
  });

  test('secrets:rotate re-encrypts every Secret under a new key while a client keeps writing; --prune drops the old key', async () => {
    for (let i = 0; i < 20; i++) {
      await api.ok(`mutation($input: SecretInput!) { createSecret(input: $input) { metadata { name } } }`, {
        input: { metadata: { name: `bulk-${i}` }, stringData: { password: PASSWORD } },
      });
    }
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      while (writing) {
        await api.ok(`mutation($p: JSONObject!) { patchSecret(name: "bulk-0", patch: $p) { metadata { name } } }`, { p: { stringData: { n: String(writes++) } } });
      }
    })();
    const rotate = () =>
      spawnSync(process.execPath, [fileURLToPath(new URL('../../../apps/launcher/dist/rotate-secrets.js', import.meta.url))], {
        env: { ...process.env, DATABASE_URL: api.databaseUrl, WHEELHOUSE_DATA_DIR: dataDir, WHEELHOUSE_ENCRYPTION_KEYS: '' },
        encoding: 'utf8',
      });
    const result = rotate();
    writing = false;
    await writer;
    assert.equal(result.status, 0, result.stderr + result.stdout);
    assert.match(result.stdout, /new primary key key2/);
    assert.match(result.stdout, /re-encrypted \d+ Secret\(s\)/);
    assert.ok(writes > 0, 'the API kept serving writes during the rotation');

    const raw = await rawStorage();
    assertNoSecretValue(raw, 'storage after rotation');
    assert.doesNotMatch(raw, /k8s:enc:aesgcm:v1:key1:/, 'nothing is left under the old key');
    assert.match(raw, /k8s:enc:aesgcm:v1:key2:/);
    assert.deepEqual(
      readFileSync(join(dataDir, 'encryption-keys'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(':')[0]),
      ['key2', 'key1'],
    );

    const pruned = spawnSync(process.execPath, [fileURLToPath(new URL('../../../apps/launcher/dist/rotate-secrets.js', import.meta.url)), '--prune'], {
      env: { ...process.env, DATABASE_URL: api.databaseUrl, WHEELHOUSE_DATA_DIR: dataDir, WHEELHOUSE_ENCRYPTION_KEYS: '' },
      encoding: 'utf8',
    });
    assert.equal(pruned.status, 0, pruned.stderr);
    assert.match(pruned.stdout, /removed key1/);
    // The running API reads on with the pruned file and writes under key2.
    const { secret } = await api.ok(`query { secret(name: "bulk-7") { data } }`);
    assert.deepEqual(secret.data, { password: b64(PASSWORD) });
    const { patchSecret } = await api.ok(`mutation { patchSecret(name: "bulk-7", patch: { metadata: { labels: { rotated: "yes" } } }) { data } }`);
    assert.deepEqual(patchSecret.data, { password: b64(PASSWORD) });
    const replay = collect<{ watchSecrets: { object: { data: Record<string, string> } } }>(
      api.ws(),
      `subscription { watchSecrets(namespace: "default", resourceVersion: "1") { object { data } } }`,
      {},
      5,
    );
    const replayed = await replay.done;
    assert.deepEqual(replayed[0]!.watchSecrets.object.data, { password: b64(PASSWORD) }, 'old change-log entries open with the new key');
  });

  test('the audit log, reads and watches included, holds no secret value', async () => {
    const log = await eventually(
      async () => {
        const text = readFileSync(join(dataDir, 'audit', 'audit.log'), 'utf8');
        return text.includes('"resource":"secrets"') ? text : undefined;
      },
      10_000,
      'Secret requests in the audit log',
    );
    assertNoSecretValue(log, 'the audit log');
  });
});

describe('an API server without the key', () => {
  test('cannot read the Secret (an error, never ciphertext as data), and its watches of other kinds carry on', async () => {
    const other = await startTestApi({ databaseUrl: api.databaseUrl });
    try {
      const read = await other.gql(`query { secret(name: "db") { data } }`);
      assert.equal(read.errors?.[0]?.extensions?.code, 'INTERNAL_SERVER_ERROR');
      assert.equal(read.data?.secret ?? null, null);
      // Its change-log tail passes the Secret entries it cannot open and serves the rest.
      const { configMaps } = await other.ok(`query { configMaps(namespace: "default") { metadata { resourceVersion } } }`);
      const events = collect<{ watchConfigMaps: { object: { metadata: { name: string } } } }>(
        other.ws(),
        `subscription($rv: String) { watchConfigMaps(namespace: "default", resourceVersion: $rv) { object { metadata { name } } } }`,
        { rv: configMaps.metadata.resourceVersion },
        2,
      );
      await api.ok(`mutation { createConfigMap(input: { metadata: { name: "before-secret" } }) { metadata { name } } }`);
      await eventually(async () => events.events.length >= 1 || undefined, 10_000, 'the watch to be live');
      // A Secret sealed with a key this server lacks now passes through its live tail.
      await api.ok(`mutation { createSecret(input: { metadata: { name: "unreadable-there" }, stringData: { k: "v" } }) { metadata { name } } }`);
      await api.ok(`mutation { createConfigMap(input: { metadata: { name: "after-secret" } }) { metadata { name } } }`);
      assert.deepEqual(
        (await events.done).map((e) => e.watchConfigMaps.object.metadata.name),
        ['before-secret', 'after-secret'],
      );
    } finally {
      await other.close();
    }
  });
});
