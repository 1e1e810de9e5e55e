import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PodTemplateSpec } from '@wheelhouse/model';
import { equalIgnoreHash, fnv32a, podTemplateHash, safeEncodeString } from './pod-template-hash.js';

const template = (image: string, labels: Record<string, string> = { app: 'web' }): PodTemplateSpec => ({
  metadata: { labels },
  spec: { containers: [{ name: 'web', image }] },
});

test('fnv32a matches the reference FNV-1a vectors', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  assert.equal(fnv32a(bytes('')), 0x811c9dc5);
  assert.equal(fnv32a(bytes('a')), 0xe40c292c);
  assert.equal(fnv32a(bytes('foobar')), 0xbf9cf968);
});

test('safeEncodeString maps digits onto the vowel-free alphabet like rand.SafeEncodeString', () => {
  assert.equal(safeEncodeString('0123456789'), '456789bcdf');
});

test('the hash is stable, alphabet-safe and independent of key order and empty fields', () => {
  const hash = podTemplateHash(template('nginx:1'));
  assert.match(hash, /^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  assert.equal(podTemplateHash(template('nginx:1')), hash);
  const reordered: PodTemplateSpec = { spec: { containers: [{ image: 'nginx:1', name: 'web' }] }, metadata: { labels: { app: 'web' }, annotations: {} } };
  assert.equal(podTemplateHash(reordered), hash);
  assert.notEqual(podTemplateHash(template('nginx:2')), hash);
});

test('a collision count changes the hash, and each count gives a different one', () => {
  const base = podTemplateHash(template('nginx:1'));
  const hashes = new Set([base, podTemplateHash(template('nginx:1'), 0), podTemplateHash(template('nginx:1'), 1), podTemplateHash(template('nginx:1'), 2)]);
  assert.equal(hashes.size, 4);
  assert.equal(podTemplateHash(template('nginx:1'), null), base);
});

test('equalIgnoreHash ignores only the pod-template-hash label', () => {
  assert.equal(equalIgnoreHash(template('a'), template('a', { app: 'web', 'pod-template-hash': 'xyz' })), true);
  assert.equal(equalIgnoreHash(template('a', { app: 'web', 'pod-template-hash': '1' }), template('a', { app: 'web', 'pod-template-hash': '2' })), true);
  assert.equal(equalIgnoreHash(template('a'), template('b')), false);
  assert.equal(equalIgnoreHash(template('a'), template('a', { app: 'api' })), false);
  assert.equal(equalIgnoreHash({ metadata: { labels: {} } }, {}), true);
  assert.equal(equalIgnoreHash(undefined, {}), true);
});
