// ConfigMap and Secret through the real API and PostgreSQL: Kubernetes validation and semantics.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => api?.close());

const b64 = (text: string) => Buffer.from(text).toString('base64');
const CM = 'metadata { name namespace resourceVersion } data binaryData immutable';
const SECRET = 'metadata { name namespace resourceVersion annotations } type data immutable';

async function failure(query: string, variables?: Record<string, unknown>) {
  const result = await api.gql(query, variables);
  assert.ok(result.errors?.length, `expected an error, got ${JSON.stringify(result.data)}`);
  return result.errors[0]!;
}

describe('ConfigMap', () => {
  test('create, get, list with its data', async () => {
    const { createConfigMap } = await api.ok(`mutation($input: ConfigMapInput!) { createConfigMap(input: $input) { ${CM} } }`, {
      input: { metadata: { name: 'settings' }, data: { 'app.properties': 'color=blue\n', MODE: 'fast' }, binaryData: { logo: b64('\u0000\u00ff') } },
    });
    assert.deepEqual(createConfigMap.data, { 'app.properties': 'color=blue\n', MODE: 'fast' });
    const { configMaps } = await api.ok(`query { configMaps(namespace: "default") { items { metadata { name } data } } }`);
    assert.deepEqual(
      configMaps.items.map((c: { metadata: { name: string } }) => c.metadata.name),
      ['settings'],
    );
  });

  test('a bad key is BAD_USER_INPUT naming data[key]; nothing is written', async () => {
    const error = await failure(`mutation($input: ConfigMapInput!) { createConfigMap(input: $input) { metadata { name } } }`, {
      input: { metadata: { name: 'bad' }, data: { 'a*b': 'x' } },
    });
    assert.equal(error.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(error.extensions?.field, 'data[a*b]');
    assert.match(error.message, /ConfigMap "bad" is invalid: data\[a\*b\]: Invalid value: "a\*b": a valid config key must consist of/);
    const { configMap } = await api.ok(`query { configMap(name: "bad") { metadata { name } } }`);
    assert.equal(configMap, null);
  });

  test('more than 1 MiB in all is refused', async () => {
    const error = await failure(`mutation($input: ConfigMapInput!) { createConfigMap(input: $input) { metadata { name } } }`, {
      input: { metadata: { name: 'big' }, data: { a: 'x'.repeat(600_000) }, binaryData: { b: Buffer.alloc(600_000).toString('base64') } },
    });
    assert.equal(error.extensions?.code, 'BAD_USER_INPUT');
    assert.match(error.message, /Too long: may not be more than 1048576 bytes/);
  });

  test('an immutable ConfigMap keeps its data and stays immutable; labels may change; delete works', async () => {
    await api.ok(`mutation { createConfigMap(input: { metadata: { name: "frozen" }, data: { k: "v" }, immutable: true }) { metadata { name } } }`);
    const changed = await failure(`mutation { patchConfigMap(name: "frozen", patch: { data: { k: "w" } }) { metadata { name } } }`);
    assert.equal(changed.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(changed.message, 'ConfigMap "frozen" is invalid: data: Forbidden: field is immutable when `immutable` is set');
    const unfrozen = await failure(`mutation { patchConfigMap(name: "frozen", patch: { immutable: false }) { metadata { name } } }`);
    assert.equal(unfrozen.extensions?.field, 'immutable');
    const { patchConfigMap } = await api.ok(`mutation { patchConfigMap(name: "frozen", patch: { metadata: { labels: { a: "b" } } }) { data metadata { labels } } }`);
    assert.deepEqual(patchConfigMap, { data: { k: 'v' }, metadata: { labels: { a: 'b' } } });
    await api.ok(`mutation { deleteConfigMap(name: "frozen") { metadata { name } } }`);
    assert.equal((await api.ok(`query { configMap(name: "frozen") { metadata { name } } }`)).configMap, null);
  });

  test('apply of the Kubernetes documentation ConfigMap', async () => {
    const manifest = `apiVersion: v1
kind: ConfigMap
metadata:
  name: game-demo
data:
  player_initial_lives: "3"
  ui_properties_file_name: "user-interface.properties"
  game.properties: |
    enemy.types=aliens,monsters
    player.maximum-lives=5
`;
    const { apply } = await api.ok(`mutation($m: String!) { apply(manifest: $m) { objects { kind name action } } }`, { m: manifest });
    assert.deepEqual(apply.objects, [{ kind: 'ConfigMap', name: 'game-demo', action: 'created' }]);
    const { configMap } = await api.ok(`query { configMap(name: "game-demo") { data } }`);
    assert.equal(configMap.data['game.properties'], 'enemy.types=aliens,monsters\nplayer.maximum-lives=5\n');
  });
});

describe('Secret', () => {
  test('stringData is merged into data as base64 and never returned; type defaults to Opaque', async () => {
    const { createSecret } = await api.ok(`mutation($input: SecretInput!) { createSecret(input: $input) { ${SECRET} } }`, {
      input: { metadata: { name: 'db' }, data: { user: b64('admin'), password: b64('old') }, stringData: { password: 's3cr3t' } },
    });
    assert.equal(createSecret.type, 'Opaque');
    assert.deepEqual(createSecret.data, { user: b64('admin'), password: b64('s3cr3t') });
    const { patchSecret } = await api.ok(`mutation { patchSecret(name: "db", patch: { stringData: { extra: "x" } }) { data } }`);
    assert.deepEqual(patchSecret.data, { user: b64('admin'), password: b64('s3cr3t'), extra: b64('x') });
  });

  test('invalid base64 is BAD_USER_INPUT naming data[password], without the value', async () => {
    const error = await failure(`mutation { createSecret(input: { metadata: { name: "bad" }, data: { password: "hunter2!" } }) { metadata { name } } }`);
    assert.equal(error.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(error.extensions?.field, 'data[password]');
    assert.ok(!error.message.includes('hunter2'), error.message);
  });

  test('built-in types require their keys', async () => {
    const basic = await failure(`mutation { createSecret(input: { metadata: { name: "b" }, type: "kubernetes.io/basic-auth", data: {} }) { metadata { name } } }`);
    assert.equal(basic.message, 'Secret "b" is invalid: data[username]: Required value, data[password]: Required value');
    const tls = await failure(`mutation($input: SecretInput!) { createSecret(input: $input) { metadata { name } } }`, {
      input: { metadata: { name: 't' }, type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'nope', 'tls.key': 'nope' } },
    });
    assert.equal(tls.extensions?.field, 'data[tls.crt]');
    const token = await failure(`mutation { createSecret(input: { metadata: { name: "sa" }, type: "kubernetes.io/service-account-token" }) { metadata { name } } }`);
    assert.equal(token.extensions?.field, 'metadata.annotations[kubernetes.io/service-account.name]');
    const { createSecret } = await api.ok(
      `mutation { createSecret(input: { metadata: { name: "basic" }, type: "kubernetes.io/basic-auth", stringData: { username: "admin", password: "t0p-Secret" } }) { type data } }`,
    );
    assert.equal(createSecret.type, 'kubernetes.io/basic-auth');
  });

  test('type is immutable; an immutable Secret keeps its data', async () => {
    const type = await failure(`mutation { patchSecret(name: "basic", patch: { type: "Opaque" }) { type } }`);
    assert.equal(type.message, 'Secret "basic" is invalid: type: Invalid value: "Opaque": field is immutable');
    await api.ok(`mutation { patchSecret(name: "basic", patch: { immutable: true }) { immutable } }`);
    const data = await failure(`mutation { patchSecret(name: "basic", patch: { stringData: { password: "new" } }) { type } }`);
    assert.equal(data.message, 'Secret "basic" is invalid: data: Forbidden: field is immutable when `immutable` is set');
  });

  test('field selector on type', async () => {
    const { secrets } = await api.ok(`query { secrets(namespace: "default", fieldSelector: "type=kubernetes.io/basic-auth") { items { metadata { name } } } }`);
    assert.deepEqual(
      secrets.items.map((s: { metadata: { name: string } }) => s.metadata.name),
      ['basic'],
    );
  });
});
