// Ported from Kubernetes pkg/apis/core/validation/validation_test.go: TestValidateSecret,
// TestValidateDockerConfigSecret, TestValidateBasicAuthSecret, TestValidateSSHAuth,
// TestValidateSecretUpdate; plus the TLS pair checks kubectl's `create secret tls` makes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateSecret, validateSecretUpdate } from './secret.js';
import { MAX_CONFIG_SIZE_BYTES } from './config-data.js';
import { defaultSecret } from '../defaults/config.js';
import { fullText, summarise } from './fixtures.js';

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
type Secret = { metadata: { name: string; namespace: string; annotations?: Record<string, string> }; type?: string; data?: Record<string, string>; immutable?: boolean };
const secret = (data: Record<string, string> = { 'data-1': b64('bar') }, extra: Partial<Secret> = {}): Secret => ({ metadata: { name: 'foo', namespace: 'bar' }, data, ...extra });
const check = (s: unknown) => summarise(validateSecret(defaultSecret(s)));

test('TestValidateSecret (Opaque and service-account-token)', () => {
  const token = (annotations?: Record<string, string>) =>
    secret(undefined, { type: 'kubernetes.io/service-account-token', metadata: { name: 'foo', namespace: 'bar', ...(annotations ? { annotations } : {}) } });
  const cases: [string, unknown, string[]][] = [
    ['valid', secret(), []],
    ['over max size', secret({ over: b64(Buffer.alloc(MAX_CONFIG_SIZE_BYTES + 1)) }), ['data TooLong']],
    ['at max size', secret({ over: b64(Buffer.alloc(MAX_CONFIG_SIZE_BYTES)) }), []],
    ['invalid key', secret({ 'data-1': b64('bar'), 'a*b': b64('whoops') }), ['data[a*b] Invalid']],
    ['valid service-account-token secret', token({ 'kubernetes.io/service-account.name': 'foo' }), []],
    ['empty service-account-token annotation', token({ 'kubernetes.io/service-account.name': '' }), ['metadata.annotations[kubernetes.io/service-account.name] Required']],
    ['missing service-account-token annotation', token({ other: 'x' }), ['metadata.annotations[kubernetes.io/service-account.name] Required']],
    ['missing service-account-token annotations', token(), ['metadata.annotations[kubernetes.io/service-account.name] Required']],
    ['leading dot key', secret({ '.key': b64('bar') }), []],
    ['dot key', secret({ '.': b64('bar') }), ['data[.] Invalid']],
    ['double dot key', secret({ '..': b64('bar') }), ['data[..] Invalid']],
    ['an unknown type is the user’s own', secret(undefined, { type: 'example.com/thing' }), []],
    ['invalid base64', secret({ password: 'not base64!' }), ['data[password] Invalid']],
    ['base64 of the wrong length', secret({ password: 'abc' }), ['data[password] Invalid']],
    ['base64 with line breaks (Go skips them)', secret({ password: 'YWJj\nZGVm' }), []],
    ['no data at all', { metadata: { name: 'foo', namespace: 'bar' } }, []],
    ['stringData merged, then its keys validated', { ...secret(), stringData: { 'a*b': 'x' } }, ['data[a*b] Invalid']],
    ['stringData not an object', { ...secret(), stringData: 'x' }, ['stringData Invalid']],
  ];
  for (const [name, s, expected] of cases) assert.deepEqual(check(s), expected, name);
});

test('invalid base64 names the key and never echoes the value', () => {
  const [error] = fullText(validateSecret(secret({ password: 'hunter2!' })));
  assert.equal(error, 'data[password]: Invalid value: "<secret contents redacted>": illegal base64 data at input byte 7');
  assert.ok(!error!.includes('hunter2'));
});

test('TestValidateDockerConfigSecret', () => {
  const dockercfg = `{"https://index.docker.io/v1/": {"auth": "Y2x1ZWRyb29sZXIwMDAxOnBhc3N3b3Jk","email": "fake@example.com"}}`;
  const dockerconfigjson = `{"auths":{"https://index.docker.io/v1/": {"auth": "Y2x1ZWRyb29sZXIwMDAxOnBhc3N3b3Jk","email": "fake@example.com"}}}`;
  const cfg = (data: Record<string, string>) => secret(data, { type: 'kubernetes.io/dockercfg' });
  const json = (data: Record<string, string>) => secret(data, { type: 'kubernetes.io/dockerconfigjson' });
  const cases: [string, unknown, string[]][] = [
    ['valid dockercfg', cfg({ '.dockercfg': b64(dockercfg) }), []],
    ['missing dockercfg', cfg({}), ['data[.dockercfg] Required']],
    ['empty dockercfg', cfg({ '.dockercfg': '' }), ['data[.dockercfg] Invalid']],
    ['invalid dockercfg', cfg({ '.dockercfg': b64('bad') }), ['data[.dockercfg] Invalid']],
    ['valid dockerconfigjson', json({ '.dockerconfigjson': b64(dockerconfigjson) }), []],
    ['missing dockerconfigjson', json({}), ['data[.dockerconfigjson] Required']],
    ['empty dockerconfigjson', json({ '.dockerconfigjson': '' }), ['data[.dockerconfigjson] Invalid']],
    ['invalid dockerconfigjson', json({ '.dockerconfigjson': b64('bad') }), ['data[.dockerconfigjson] Invalid']],
  ];
  for (const [name, s, expected] of cases) assert.deepEqual(check(s), expected, name);
});

test('TestValidateBasicAuthSecret and TestValidateSSHAuth', () => {
  const basic = (data: Record<string, string>) => secret(data, { type: 'kubernetes.io/basic-auth' });
  const ssh = (data: Record<string, string>) => secret(data, { type: 'kubernetes.io/ssh-auth' });
  const cases: [string, unknown, string[]][] = [
    ['valid basic-auth', basic({ username: b64('username'), password: b64('password') }), []],
    ['basic-auth with only a username', basic({ username: b64('username') }), []],
    ['basic-auth with an empty password', basic({ password: '' }), []],
    ['missing username and password', basic({}), ['data[username] Required', 'data[password] Required']],
    ['valid ssh-auth', ssh({ 'ssh-privatekey': b64('foo-bar-baz') }), []],
    ['missing private key', ssh({}), ['data[ssh-privatekey] Required']],
    ['empty private key', ssh({ 'ssh-privatekey': '' }), ['data[ssh-privatekey] Required']],
  ];
  for (const [name, s, expected] of cases) assert.deepEqual(check(s), expected, name);
});

test('kubernetes.io/tls: a parseable PEM certificate and the key that goes with it', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'wh-tls-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
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
    return { crt: readFileSync(join(dir, `${name}.crt`)), key: readFileSync(join(dir, `${name}.key`)) };
  };
  const a = pair('a');
  const b = pair('b');
  const tls = (data: Record<string, string>) => secret(data, { type: 'kubernetes.io/tls' });
  const cases: [string, unknown, string[]][] = [
    ['valid', tls({ 'tls.crt': b64(a.crt), 'tls.key': b64(a.key) }), []],
    ['with a CA too', tls({ 'tls.crt': b64(a.crt), 'tls.key': b64(a.key), 'ca.crt': b64(b.crt) }), []],
    ['missing both', tls({}), ['data[tls.crt] Required', 'data[tls.key] Required']],
    ['missing key', tls({ 'tls.crt': b64(a.crt) }), ['data[tls.key] Required']],
    ['certificate not PEM', tls({ 'tls.crt': b64('hello'), 'tls.key': b64(a.key) }), ['data[tls.crt] Invalid']],
    ['certificate PEM garbage', tls({ 'tls.crt': b64('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'), 'tls.key': b64(a.key) }), ['data[tls.crt] Invalid']],
    ['key not PEM', tls({ 'tls.crt': b64(a.crt), 'tls.key': b64('hello') }), ['data[tls.key] Invalid']],
    ['key of another certificate', tls({ 'tls.crt': b64(a.crt), 'tls.key': b64(b.key) }), ['data[tls.key] Invalid']],
  ];
  for (const [name, s, expected] of cases) assert.deepEqual(check(s), expected, name);
  const [mismatch] = fullText(validateSecret(tls({ 'tls.crt': b64(a.crt), 'tls.key': b64(b.key) })));
  assert.equal(mismatch, 'data[tls.key]: Invalid value: "<secret contents redacted>": private key does not match public key');
});

test('TestValidateSecretUpdate', () => {
  const valid = secret();
  const immutable = { ...valid, immutable: true };
  const cases: [string, Secret, Secret, string[]][] = [
    ['mutable, no change', valid, valid, []],
    ['mutable, data added', valid, secret({ 'data-1': b64('bar'), 'data-2': b64('baz') }), []],
    ['mutable, data changed', valid, secret({ 'data-1': b64('foo') }), []],
    ['mutable to immutable', valid, immutable, []],
    ['mutable to immutable with changed data', valid, { ...secret({ 'data-1': b64('foo') }), immutable: true }, []],
    ['immutable, no change', immutable, immutable, []],
    ['immutable to mutable', immutable, { ...valid, immutable: false }, ['immutable Forbidden']],
    ['immutable flag dropped', immutable, valid, ['immutable Forbidden']],
    ['immutable, data added', immutable, { ...secret({ 'data-1': b64('bar'), 'data-2': b64('baz') }), immutable: true }, ['data Forbidden']],
    ['immutable, data changed', immutable, { ...secret({ 'data-1': b64('foo') }), immutable: true }, ['data Forbidden']],
    ['type changed', { ...valid, type: 'Opaque' }, { ...valid, type: 'example.com/other' }, ['type Invalid']],
  ];
  for (const [name, prev, next, expected] of cases) assert.deepEqual(summarise(validateSecretUpdate(next, prev)), expected, name);
  assert.deepEqual(fullText(validateSecretUpdate({ ...valid, type: 'kubernetes.io/tls' }, { ...valid, type: 'Opaque' })), [
    'type: Invalid value: "kubernetes.io/tls": field is immutable',
  ]);
});

test('stringData: merged into data as base64 over the same keys, never kept', () => {
  const merged = defaultSecret({ ...secret({ a: b64('old'), b: b64('kept') }), stringData: { a: 'new', c: 'é' } }) as Secret & { stringData?: unknown };
  assert.deepEqual(merged.data, { a: b64('new'), b: b64('kept'), c: b64('é') });
  assert.equal(merged.stringData, undefined);
  assert.equal(merged.type, 'Opaque');
});
