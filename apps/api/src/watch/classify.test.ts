import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PodKind, type KubeObject } from '@wheelhouse/resources';
import { parseSelector } from '@wheelhouse/selectors';
import type { Change } from '@wheelhouse/db';
import { classifyChange } from './classify.js';

const pod = (labels: Record<string, string>, namespace = 'a'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace, labels }, spec: {}, status: {} });
const change = (type: Change['type'], object: KubeObject, prevLabels?: Record<string, string>): Change => ({
  revision: 1n,
  kind: 'Pod',
  namespace: object.metadata.namespace ?? '',
  name: 'p',
  uid: 'u',
  type,
  object,
  prev: prevLabels ? { labels: prevLabels, fields: { 'metadata.name': 'p', 'metadata.namespace': object.metadata.namespace ?? '' } } : null,
  actor: null,
  createdAt: new Date(),
});
const web = { labelSelector: parseSelector('app=web') };

const cases: [string, Change, object, string | null][] = [
  ['ADDED matching', change('ADDED', pod({ app: 'web' })), web, 'ADDED'],
  ['ADDED not matching', change('ADDED', pod({ app: 'db' })), web, null],
  ['MODIFIED staying in', change('MODIFIED', pod({ app: 'web', v: '2' }), { app: 'web' }), web, 'MODIFIED'],
  ['MODIFIED entering', change('MODIFIED', pod({ app: 'web' }), { app: 'db' }), web, 'ADDED'],
  ['MODIFIED leaving', change('MODIFIED', pod({ app: 'db' }), { app: 'web' }), web, 'DELETED'],
  ['MODIFIED never in', change('MODIFIED', pod({ app: 'db' }), { app: 'cache' }), web, null],
  ['DELETED matching', change('DELETED', pod({ app: 'web' }), { app: 'web' }), web, 'DELETED'],
  ['other namespace', change('ADDED', pod({ app: 'web' }, 'b')), { ...web, namespace: 'a' }, null],
  ['no filter', change('MODIFIED', pod({}), {}), {}, 'MODIFIED'],
];
for (const [name, c, filter, expected] of cases) {
  test(`classifyChange: ${name}`, () => assert.equal(classifyChange(PodKind, filter, c)?.type ?? null, expected));
}

test('classifyChange ignores other kinds', () => {
  assert.equal(classifyChange(PodKind, {}, { ...change('ADDED', pod({})), kind: 'Node' }), null);
});
