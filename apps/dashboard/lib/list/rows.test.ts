import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesSearch, nextSort, sortRows, NAME_COLUMN } from './rows.ts';
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
