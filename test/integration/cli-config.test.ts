// `wh create configmap|secret` and the ConfigMap/Secret columns and describe, as a user
// runs them against a real API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../support/api.js';
import { whRunner } from '../support/wh.js';

let api: TestApi;
let wh: ReturnType<typeof whRunner>;
const dir = mkdtempSync(join(tmpdir(), 'wh-cli-config-'));
before(async () => {
  api = await startTestApi();
  wh = whRunner(api.url);
});
after(async () => {
  await wh?.stopAll();
  await api?.close();
});

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const ok = async (args: string[]) => {
  const r = await wh.run(args);
  assert.equal(r.code, 0, `wh ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

test('create configmap from literals, a file, key=file, a directory; binary files go to binaryData', async () => {
  writeFileSync(join(dir, 'app.properties'), 'color=blue\n');
  writeFileSync(join(dir, 'logo.bin'), Buffer.from([0, 0xff, 0xfe]));
  mkdirSync(join(dir, 'conf.d'));
  writeFileSync(join(dir, 'conf.d', 'a.conf'), 'a\n');
  writeFileSync(join(dir, 'conf.d', 'b.conf'), 'b\n');
  assert.equal(
    await ok([
      'create',
      'configmap',
      'app',
      '--from-literal=mode=fast',
      '--from-literal',
      'greeting=hi=there',
      `--from-file=${join(dir, 'app.properties')}`,
      `--from-file=renamed=${join(dir, 'logo.bin')}`,
    ]),
    'configmap/app created\n',
  );
  assert.equal(await ok(['create', 'cm', 'confd', `--from-file=${join(dir, 'conf.d')}`]), 'configmap/confd created\n');
  const { configMap } = await api.ok(`query { configMap(name: "app") { data binaryData } }`);
  assert.deepEqual(configMap, { data: { mode: 'fast', greeting: 'hi=there', 'app.properties': 'color=blue\n' }, binaryData: { renamed: b64(Buffer.from([0, 0xff, 0xfe])) } });
  const confd = await api.ok(`query { configMap(name: "confd") { data } }`);
  assert.deepEqual(confd.configMap.data, { 'a.conf': 'a\n', 'b.conf': 'b\n' });
  const table = await ok(['get', 'cm']);
  assert.match(table, /^NAME\s+DATA\s+AGE\n/);
  assert.match(table, /\napp\s+4\s+\S+\n/);
  assert.match(table, /\nconfd\s+2\s+\S+\n/);
});

test('create configmap errors: a repeated key, a literal without =, a key the API refuses', async () => {
  const dup = await wh.run(['create', 'configmap', 'dup', '--from-literal=a=1', '--from-literal=a=2']);
  assert.equal(dup.code, 1);
  assert.match(dup.stderr, /cannot add key a, another key by that name already exists in Data for ConfigMap "dup"/);
  const bad = await wh.run(['create', 'configmap', 'bad', '--from-literal=novalue']);
  assert.match(bad.stderr, /invalid literal source novalue, expected key=value/);
  const key = await wh.run(['create', 'configmap', 'badkey', '--from-literal=a*b=1']);
  assert.equal(key.code, 1);
  assert.match(key.stderr, /data\[a\*b\]: Invalid value: "a\*b"/);
});

test('create secret generic, -o yaml, get secret columns; describe shows sizes, never values', async () => {
  writeFileSync(join(dir, 'password.txt'), 'pa55word');
  assert.equal(await ok(['create', 'secret', 'generic', 'db', '--from-literal=user=admin', `--from-file=password=${join(dir, 'password.txt')}`]), 'secret/db created\n');
  const { secret } = await api.ok(`query { secret(name: "db") { type data } }`);
  assert.deepEqual(secret, { type: 'Opaque', data: { user: b64('admin'), password: b64('pa55word') } });
  const yaml = await ok(['create', 'secret', 'generic', 'preview', '--from-literal=k=v', '--dry-run', '-o', 'yaml']);
  assert.match(yaml, /^apiVersion: v1\nkind: Secret\n/);
  assert.match(yaml, /k: dg==/);
  assert.equal((await api.ok(`query { secret(name: "preview") { type } }`)).secret, null, 'a dry run writes nothing');
  const table = await ok(['get', 'secret']);
  assert.match(table, /^NAME\s+TYPE\s+DATA\s+AGE\n/);
  assert.match(table, /\ndb\s+Opaque\s+2\s+\S+\n/);
  const described = await ok(['describe', 'secret', 'db']);
  assert.match(described, /Type:\s+Opaque/);
  assert.match(described, /password:\s+8 bytes/);
  assert.ok(!described.includes('pa55word') && !described.includes(b64('pa55word')), described);
});

test('create secret tls from a certificate and key; a mismatched pair is refused by the API', async () => {
  const pair = (name: string) => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-subj',
        `/CN=${name}`,
        '-days',
        '1',
        '-keyout',
        join(dir, `${name}.key`),
        '-out',
        join(dir, `${name}.crt`),
      ],
      { stdio: 'ignore' },
    );
    return { crt: join(dir, `${name}.crt`), key: join(dir, `${name}.key`) };
  };
  const a = pair('a');
  const b = pair('b');
  assert.equal(await ok(['create', 'secret', 'tls', 'web-tls', '--cert', a.crt, '--key', a.key]), 'secret/web-tls created\n');
  const { secret } = await api.ok(`query { secret(name: "web-tls") { type data } }`);
  assert.equal(secret.type, 'kubernetes.io/tls');
  assert.deepEqual(Object.keys(secret.data).sort(), ['tls.crt', 'tls.key']);
  assert.match(await ok(['get', 'secret', 'web-tls']), /web-tls\s+kubernetes\.io\/tls\s+2\s/);
  const mismatched = await wh.run(['create', 'secret', 'tls', 'bad-tls', '--cert', a.crt, '--key', b.key]);
  assert.equal(mismatched.code, 1);
  assert.match(mismatched.stderr, /data\[tls\.key\]: Invalid value: "<secret contents redacted>": private key does not match public key/);
  const missing = await wh.run(['create', 'secret', 'tls', 'no-key', '--cert', a.crt]);
  assert.match(missing.stderr, /--cert and --key are both required/);
});
