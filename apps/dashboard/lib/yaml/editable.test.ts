import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { editableManifest, LAST_APPLIED } from './editable.ts';
import { toYaml, withoutNulls } from './render.ts';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: 'u-1',
    resourceVersion: '42',
    generation: 3,
    creationTimestamp: '2026-01-01T00:00:00Z',
    deletionTimestamp: null,
    labels: { app: 'web' },
    annotations: { [LAST_APPLIED]: '{}' },
    ownerReferences: null,
    finalizers: [],
  },
  spec: { replicas: 2, paused: null, selector: { matchLabels: { app: 'web' }, matchExpressions: null } },
  status: { replicas: 2 },
};

test('nulls go, empty strings and zeros stay', () => {
  assert.deepEqual(withoutNulls({ a: null, b: '', c: 0, d: [null, 1], e: { f: undefined } }), { b: '', c: 0, d: [1], e: {} });
});

test('an object becomes a manifest to apply: no status, server metadata or last-applied annotation', () => {
  assert.deepEqual(editableManifest(deployment), {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } } },
  });
  assert.deepEqual(Object.keys(editableManifest(deployment)), ['apiVersion', 'kind', 'metadata', 'spec']);
});

test('YAML renderings sort keys like kubectl and parse back to the same object', () => {
  const text = toYaml({ spec: { b: 1, a: 2 }, kind: 'X', apiVersion: 'v1', x: null });
  assert.equal(text, 'apiVersion: v1\nkind: X\nspec:\n  a: 2\n  b: 1\n');
  assert.deepEqual(parse(toYaml(deployment)), withoutNulls(deployment));
});
