import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveKindName } from '@wheelhouse/resources';
import YAML from 'yaml';
import type { KubeObj } from './object.js';
import { outputFormat } from './output.js';
import { watchPrinter } from './watch-printer.js';

const POD = resolveKindName('pod')!;
const now = Date.parse('2026-01-01T00:01:00Z');
// As a watch event's object arrives from GraphQL: unset fields are null.
const pod = (name: string, phase: string) =>
  ({
    metadata: { name, namespace: 'demo', creationTimestamp: '2026-01-01T00:00:00Z', uid: null },
    spec: { containers: [{ name: 'app' }] },
    status: { phase },
  }) as unknown as KubeObj;
const options = { allNamespaces: false, watchEvents: false };

test('table: the header once, then one row per change', () => {
  const print = watchPrinter(outputFormat(undefined), POD, options);
  assert.equal(print('ADDED', pod('web', 'Pending'), now), 'NAME   READY   STATUS    RESTARTS   AGE\nweb    0/1     Pending   0          60s\n');
  assert.equal(print('MODIFIED', pod('web', 'Running'), now), 'web    0/1     Running   0          60s\n');
});

test('--output-watch-events adds an EVENT column, and -A a NAMESPACE column', () => {
  const print = watchPrinter(outputFormat(undefined), POD, { allNamespaces: true, watchEvents: true });
  const [header, row] = print('DELETED', pod('web', 'Running'), now).trimEnd().split('\n');
  assert.deepEqual(header!.split(/\s+/), ['EVENT', 'NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
  assert.deepEqual(row!.split(/\s+/), ['DELETED', 'demo', 'web', '0/1', 'Running', '0', '60s']);
});

test('yaml: one document per change, separated by ---, with apiVersion and kind and no nulls', () => {
  const print = watchPrinter(outputFormat('yaml'), POD, options);
  const text = print('ADDED', pod('a', 'Pending'), now) + print('MODIFIED', pod('a', 'Running'), now);
  const docs = YAML.parseAllDocuments(text).map((d) => d.toJS());
  assert.equal(docs.length, 2);
  assert.deepEqual([docs[0].kind, docs[0].apiVersion, docs[1].status.phase], ['Pod', 'v1', 'Running']);
  assert.doesNotMatch(text, /null/);
});

test('json with events wraps each object in {type, object}; name and jsonpath print per object', () => {
  const event = JSON.parse(watchPrinter(outputFormat('json'), POD, { ...options, watchEvents: true })('DELETED', pod('a', 'Running'), now));
  assert.equal(event.type, 'DELETED');
  assert.equal(event.object.metadata.name, 'a');
  assert.equal(watchPrinter(outputFormat('name'), POD, options)('ADDED', pod('a', 'Running'), now), 'pod/a\n');
  const jsonpath = watchPrinter(outputFormat('jsonpath={.metadata.name} {.status.phase}{"\\n"}'), POD, options);
  assert.equal(jsonpath('MODIFIED', pod('a', 'Running'), now), 'a Running\n');
});
