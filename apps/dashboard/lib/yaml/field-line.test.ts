import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentIndexOf, locateField, parseFieldPath } from './field-line.ts';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
    tier: "-bad-"
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: web
          image: nginx
        - name: sidecar
          image: busybox
`;

test('field paths split on dots and indexes', () => {
  assert.deepEqual(parseFieldPath('spec.template.spec.containers[1].image'), ['spec', 'template', 'spec', 'containers', 1, 'image']);
  assert.deepEqual(parseFieldPath('metadata.labels'), ['metadata', 'labels']);
  assert.deepEqual(parseFieldPath('items[0][2]'), ['items', 0, 2]);
  assert.deepEqual(parseFieldPath('metadata.labels[app.kubernetes.io/name]'), ['metadata', 'labels', 'app.kubernetes.io/name']);
  assert.deepEqual(parseFieldPath('spec.nodeSelector[x].y'), ['spec', 'nodeSelector', 'x', 'y']);
});

test('a field path maps to the line of its key', () => {
  assert.deepEqual(locateField(MANIFEST, 'metadata.labels'), { line: 5, exact: true });
  assert.deepEqual(locateField(MANIFEST, 'metadata.labels.tier'), { line: 7, exact: true });
  assert.deepEqual(locateField(MANIFEST, 'spec.replicas'), { line: 9, exact: true });
  assert.deepEqual(locateField(MANIFEST, 'spec.template.spec.containers[1].image'), { line: 16, exact: true });
  assert.deepEqual(locateField(MANIFEST, 'spec.template.spec.containers[1]'), { line: 15, exact: true });
});

test('label keys with dots are found as one key, subscripted (as the API names them) or dotted', () => {
  assert.deepEqual(locateField(MANIFEST, 'metadata.labels[tier]'), { line: 7, exact: true });
  assert.deepEqual(locateField(MANIFEST, 'metadata.labels[app.kubernetes.io/name]'), { line: 6, exact: true });
  assert.deepEqual(locateField(MANIFEST, 'metadata.labels.app.kubernetes.io/name'), { line: 6, exact: true });
});

test('a missing field points at its deepest ancestor, not exact', () => {
  assert.deepEqual(locateField(MANIFEST, 'spec.selector'), { line: 8, exact: false });
  assert.deepEqual(locateField(MANIFEST, 'spec.template.spec.containers[5].name'), { line: 12, exact: false });
  assert.equal(locateField(MANIFEST, 'status.phase'), undefined);
});

test('the document an error names is the one searched', () => {
  const two = `kind: Namespace\nmetadata:\n  name: a\n---\nkind: Pod\nmetadata:\n  name: b\n  labels:\n    x: y\n`;
  assert.deepEqual(locateField(two, 'metadata.labels.x', 1), { line: 9, exact: true });
  assert.deepEqual(locateField(two, 'metadata.name', 0), { line: 3, exact: true });
  assert.equal(locateField(two, 'metadata.name', 2), undefined);
  assert.equal(documentIndexOf('document 1 (metadata.labels): invalid'), 1);
  assert.equal(documentIndexOf('Deployment "web" is invalid'), 0);
});
