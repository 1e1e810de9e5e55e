import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { ConfigMapKind, SecretKind, withoutSecretCopies } from './config.ts';
import { listDocument, watchDocument } from './documents.ts';

const schema = buildSchema(readFileSync(new URL('../../../../api/schema.graphql', import.meta.url), 'utf8'));
const errors = (doc: string) => validate(schema, parse(doc)).map((e) => e.message);
const now = Date.parse('2026-12-07T12:00:00Z');

test('ConfigMap and Secret list, watch and detail documents are valid against the API schema', () => {
  for (const kind of [ConfigMapKind, SecretKind]) {
    assert.deepEqual(errors(listDocument(kind)), [], kind.kind);
    assert.deepEqual(errors(watchDocument(kind)), [], kind.kind);
  }
  assert.deepEqual(errors(watchDocument(SecretKind, SecretKind.detailSelection)), []);
});

test('a Secret’s values are in neither its list nor its live detail selection', () => {
  for (const selection of [SecretKind.listSelection, SecretKind.detailSelection!]) assert.doesNotMatch(selection, /\bdata\b/);
});

test("columns (kubectl's, from the printers): a ConfigMap counts data and binaryData keys; a Secret shows its type", () => {
  const meta = { name: 'x', creationTimestamp: '2026-12-07T11:00:00Z' };
  const cm = { metadata: meta, data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } };
  assert.deepEqual(
    ConfigMapKind.columns.map((c) => c.value(cm, { now })),
    ['3', '60m', 'false'],
  );
  assert.deepEqual(
    SecretKind.columns.map((c) => c.value({ metadata: meta, type: 'kubernetes.io/tls' }, { now })),
    ['kubernetes.io/tls', '60m', 'false'],
  );
});

test('the last-applied copy of a Secret is hidden; other kinds keep theirs', () => {
  const annotations = { 'kubectl.kubernetes.io/last-applied-configuration': '{"stringData":{"password":"x"}}', team: 'a' };
  const shown = withoutSecretCopies('Secret', { metadata: { name: 's', annotations } });
  assert.doesNotMatch(JSON.stringify(shown), /password/);
  assert.equal(shown.metadata.annotations?.team, 'a');
  assert.equal(withoutSecretCopies('ConfigMap', { metadata: { name: 'c', annotations } }).metadata.annotations, annotations);
});
