import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretKind, type KubeObject } from '@wheelhouse/resources';
import { ENVELOPE_PREFIX, open, seal } from './envelope.js';
import { ensureKeyFile, fileKeyring, newKey, parseKeys, staticKeyring, writeKeyFile } from './keyring.js';
import { openObject, sealObject, sealedWith } from './codec.js';

const secret = (): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db', namespace: 'default', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"stringData":{"password":"hunter2"}}', team: 'a' } },
  type: 'Opaque',
  data: { password: Buffer.from('hunter2').toString('base64') },
});

test('envelope: Kubernetes aesgcm prefix with the key name; opens only with that key and the same authenticated data', () => {
  const key = newKey('key1');
  const envelope = seal(Buffer.from('hunter2'), key, '/registry/secrets/default/db#data');
  assert.ok(envelope.startsWith(`${ENVELOPE_PREFIX}key1:`));
  assert.ok(!envelope.includes(Buffer.from('hunter2').toString('base64')));
  const keyFor = (name: string) => (name === 'key1' ? key : undefined);
  assert.equal(open(envelope, keyFor, '/registry/secrets/default/db#data').toString(), 'hunter2');
  assert.notEqual(seal(Buffer.from('hunter2'), key, 'x'), seal(Buffer.from('hunter2'), key, 'x'), 'a fresh nonce every time');
  assert.throws(() => open(envelope, keyFor, '/registry/secrets/default/other#data'), /unable to authenticate|Unsupported state/);
  const tampered = envelope.slice(0, -6) + (envelope.at(-6) === 'A' ? 'B' : 'A') + envelope.slice(-5);
  assert.throws(() => open(tampered, keyFor, '/registry/secrets/default/db#data'));
  assert.throws(() => open(envelope, () => undefined, '/registry/secrets/default/db#data'), /no encryption key named "key1"/);
  assert.throws(() => open(envelope, () => newKey('key1'), '/registry/secrets/default/db#data'), 'another key of the same name');
});

test('codec: a Secret is stored with data and last-applied sealed, other fields plain, and reads back whole', () => {
  const ring = staticKeyring([newKey('key1')]);
  const stored = sealObject(SecretKind, secret(), ring);
  const text = JSON.stringify(stored);
  assert.ok(!text.includes('hunter2') && !text.includes(Buffer.from('hunter2').toString('base64')), text);
  assert.equal(stored.type, 'Opaque');
  assert.equal(stored.metadata.annotations?.team, 'a');
  assert.deepEqual(sealedWith(SecretKind, stored), ['key1', 'key1']);
  assert.deepEqual(openObject(SecretKind, stored, ring), secret());
  assert.throws(() => sealObject(SecretKind, secret(), undefined), /refusing to store a Secret without encryption at rest/);
});

test('codec: after a rotation, old envelopes open with the old key still in the ring', () => {
  const old = newKey('key1');
  const stored = sealObject(SecretKind, secret(), staticKeyring([old]));
  const rotated = staticKeyring([newKey('key2'), old]);
  assert.deepEqual(openObject(SecretKind, stored, rotated), secret());
  assert.deepEqual(sealedWith(SecretKind, sealObject(SecretKind, secret(), rotated)), ['key2', 'key2']);
});

test('keys: parsing refuses short keys and bad names; the file is made once and re-read when it changes', (t) => {
  assert.throws(() => parseKeys('key1:c2hvcnQ=', 'env'), /must be 32 bytes/);
  assert.throws(() => parseKeys(`bad name:${Buffer.alloc(32).toString('base64')}`, 'env'), /name:base64/);
  assert.throws(() => parseKeys('', 'env'), /no encryption key/);
  const dir = mkdtempSync(join(tmpdir(), 'wh-keys-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const first = ensureKeyFile(dir);
  assert.equal(first.created, true);
  assert.equal(statSync(first.file).mode & 0o777, 0o600);
  const again = ensureKeyFile(dir);
  assert.equal(again.created, false);
  const ring = fileKeyring(first.file);
  assert.equal(ring.primary().name, 'key1');
  const [key1] = parseKeys(readFileSync(first.file, 'utf8'), first.file);
  writeKeyFile(first.file, [newKey('key2'), key1!]);
  assert.equal(ring.key('key2')?.name, 'key2', 'an unknown name re-reads the file');
  assert.equal(ring.primary().name, 'key2');
  assert.deepEqual(ring.names(), ['key2', 'key1']);
});
