import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRowSorter, matchesSearch, nextSort, sortRows, NAME_COLUMN } from './rows.ts';
import type { Column } from '../kinds/kind.ts';
import type { AnyObject } from '../kinds/objects.ts';

const o = (name: string, restarts: number, labels: Record<string, string> = {}) => ({ metadata: { name, namespace: 'default', labels }, restarts });
const restarts: Column<AnyObject & { restarts: number }> = { id: 'restarts', header: 'Restarts', value: (x) => x.restarts };

test('sorts names naturally and numbers numerically, both directions', () => {
  const rows = [o('pod-10', 1), o('pod-2', 30), o('pod-1', 4)];
  const columns = [NAME_COLUMN, restarts] as Column<(typeof rows)[number]>[];
  assert.deepEqual(
    sortRows(rows, columns, { column: 'name', direction: 'asc' }, { now: 0 }).map((r) => r.metadata.name),
    ['pod-1', 'pod-2', 'pod-10'],
  );
  assert.deepEqual(
    sortRows(rows, columns, { column: 'restarts', direction: 'desc' }, { now: 0 }).map((r) => r.restarts),
    [30, 4, 1],
  );
});

test('header clicks toggle the direction', () => {
  assert.deepEqual(nextSort({ column: 'name', direction: 'asc' }, 'name'), { column: 'name', direction: 'desc' });
  assert.deepEqual(nextSort({ column: 'name', direction: 'desc' }, 'age'), { column: 'age', direction: 'asc' });
});

test('search matches every word in name, namespace or labels', () => {
  const pod = o('web-abc', 0, { app: 'web', tier: 'front' });
  assert.ok(matchesSearch(pod, 'web front'));
  assert.ok(matchesSearch(pod, 'DEFAULT'));
  assert.ok(!matchesSearch(pod, 'web back'));
  assert.ok(matchesSearch(pod, '  '));
});

test('the row sorter places a few changed or added rows into the previous order, and agrees with a full sort', () => {
  type R = ReturnType<typeof o> & { metadata: { uid: string } };
  const r = (name: string, n: number): R => ({ ...o(name, n), metadata: { ...o(name, n).metadata, uid: name } });
  const columns = [NAME_COLUMN, restarts] as Column<R>[];
  const sort = { column: 'restarts', direction: 'desc' } as const;
  const sorter = createRowSorter<R>();
  let rows = Array.from({ length: 200 }, (_, i) => r(`pod-${i}`, (i * 37) % 101));
  const first = sorter(rows, columns, sort, { now: 0 });
  assert.deepEqual(first, sortRows(rows, columns, sort, { now: 0 }));
  assert.equal(sorter(rows, columns, sort, { now: 5 }), first, 'the same rows (another clock tick): the same array');
  // A watch batch: one pod restarts a lot, one is added, one deleted, one changes without moving.
  rows = rows.filter((x) => x.metadata.name !== 'pod-7');
  rows = rows.map((x) => (x.metadata.name === 'pod-3' ? r('pod-3', 500) : x.metadata.name === 'pod-9' ? { ...x } : x));
  rows.push(r('pod-new', 50));
  const next = sorter(rows, columns, sort, { now: 0 });
  assert.deepEqual(
    next.map((x) => x.metadata.name),
    sortRows(rows, columns, sort, { now: 0 }).map((x) => x.metadata.name),
  );
  assert.equal(next[0]!.metadata.name, 'pod-3');
  assert.ok(next.includes(rows.find((x) => x.metadata.name === 'pod-9')!), 'rows are the current objects');
  assert.ok(!next.some((x) => x.metadata.name === 'pod-7'));
  // Another column sorts everything again.
  const byName = sorter(rows, columns, { column: 'name', direction: 'asc' }, { now: 0 });
  assert.deepEqual(byName, sortRows(rows, columns, { column: 'name', direction: 'asc' }, { now: 0 }));
});
