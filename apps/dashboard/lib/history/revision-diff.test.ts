import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedPaths, diffObjects, foldContext, type DiffLine } from './revision-diff.ts';
import { defaultPair, mergeRevisions, orderPair, summarizeRevisions, type ObjectRevision } from './revisions.ts';

const v1 = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', resourceVersion: '5' }, spec: { replicas: 1, paused: null } };
const v2 = { ...v1, metadata: { name: 'web', resourceVersion: '9' }, spec: { replicas: 3 } };

test('a scale shows as the replicas line removed and added, numbered on both sides', () => {
  const diff = diffObjects(v1, v2);
  const changed = diff.rows.filter((r) => r.kind === 'added' || r.kind === 'removed') as DiffLine[];
  assert.deepEqual(
    changed.map((l) => [l.kind, l.text.trim()]),
    [
      ['removed', 'resourceVersion: "5"'],
      ['added', 'resourceVersion: "9"'],
      ['removed', 'replicas: 1'],
      ['added', 'replicas: 3'],
    ],
  );
  assert.equal(diff.added, 2);
  assert.equal(diff.removed, 2);
  const replicas = changed.filter((l) => l.text.includes('replicas'));
  assert.deepEqual(
    replicas.map((l) => [l.oldLine, l.newLine]),
    [
      [7, undefined],
      [undefined, 7],
    ],
  );
});

test('identical objects have no changes; a first revision is all added', () => {
  const same = diffObjects(v1, v1);
  assert.equal(same.added + same.removed, 0);
  const created = diffObjects(undefined, v1);
  assert.ok(created.rows.every((r) => r.kind === 'added'));
  assert.equal(created.added, 7);
});

test('unchanged runs beyond the context fold into gaps', () => {
  const line = (kind: DiffLine['kind'], n: number): DiffLine => ({ kind, text: `l${n}` });
  const lines = [...Array.from({ length: 10 }, (_, i) => line('context', i)), line('added', 10), ...Array.from({ length: 10 }, (_, i) => line('context', 11 + i))];
  const rows = foldContext(lines, 2);
  assert.deepEqual(
    rows.map((r) => (r.kind === 'gap' ? `gap${r.count}` : (r as DiffLine).text)),
    ['gap8', 'l8', 'l9', 'l10', 'l11', 'l12', 'gap8'],
  );
});

test('changed paths name the leaves that differ, resourceVersion aside', () => {
  assert.deepEqual(changedPaths(v1, v2), ['spec.replicas']);
  assert.deepEqual(changedPaths({ metadata: { labels: { a: '1' } } }, { metadata: { labels: { a: '1', b: '2' } } }), ['metadata.labels.b']);
  assert.deepEqual(changedPaths({ x: [1, 2] }, { x: [1, 3] }), ['x']);
});

const rev = (revision: string, type: ObjectRevision['type'], object: object, uid = 'u1'): ObjectRevision => ({
  revision,
  type,
  timestamp: '2026-01-01T00:00:00Z',
  actor: 'admin',
  uid,
  object: object as Record<string, unknown>,
});

test('revision rows carry what each changed since the one before of the same uid', () => {
  const rows = summarizeRevisions([rev('5', 'ADDED', v1), rev('9', 'MODIFIED', v2), rev('12', 'DELETED', v2), rev('20', 'ADDED', v1, 'u2')]);
  assert.deepEqual(
    rows.map((r) => r.changes),
    [[], ['spec.replicas'], [], []],
  );
});

test('the default comparison is the newest against the one before; pairs order numerically', () => {
  assert.deepEqual(defaultPair([{ revision: '5' }, { revision: '9' }, { revision: '12' }]), ['9', '12']);
  assert.deepEqual(defaultPair([{ revision: '5' }]), ['5', '5']);
  assert.equal(defaultPair([]), undefined);
  assert.deepEqual(orderPair('100', '99'), ['99', '100']);
});

test('newly read revisions merge in order, overlaps kept once', () => {
  const r = (revision: string) => ({ revision });
  assert.deepEqual(
    mergeRevisions([r('5'), r('9')], [r('9'), r('12'), r('10')]).map((x) => x.revision),
    ['5', '9', '10', '12'],
  );
  assert.deepEqual(
    mergeRevisions([], [r('100'), r('99')]).map((x) => x.revision),
    ['99', '100'],
  );
});
