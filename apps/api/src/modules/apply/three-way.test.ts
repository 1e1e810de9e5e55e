import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPatch } from './three-way.js';
import { mergePatch } from '@wheelhouse/db';

test('fields dropped from the manifest are deleted; fields others set survive', () => {
  const lastApplied = { metadata: { labels: { app: 'web', old: 'x' } }, spec: { replicas: 3, paused: true } };
  const manifest = { metadata: { labels: { app: 'web' } }, spec: { replicas: 5 } };
  const live = { metadata: { labels: { app: 'web', old: 'x', owner: 'ops' } }, spec: { replicas: 3, paused: true, nodeName: 'n1' } };
  assert.deepEqual(mergePatch(live, applyPatch(lastApplied, manifest)), {
    metadata: { labels: { app: 'web', owner: 'ops' } },
    spec: { replicas: 5, nodeName: 'n1' },
  });
});

test('without a last-applied configuration the manifest is merged over the live object', () => {
  assert.deepEqual(applyPatch(undefined, { a: { b: 1 } }), { a: { b: 1 } });
});

test('arrays are replaced whole', () => {
  assert.deepEqual(mergePatch({ c: [1, 2] }, applyPatch({ c: [1, 2] }, { c: [3] })), { c: [3] });
});
