import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnsFor } from './columns.js';
import { withLabelColumns } from './label-columns.js';
import { sortBy } from './sort-by.js';

const pod = (name: string, labels: Record<string, string> | undefined, created = '2026-01-01T00:00:00Z') => ({ metadata: { name, labels, creationTimestamp: created } });

test('-L adds a column per key (header from its last segment), --show-labels adds LABELS last', () => {
  const columns = withLabelColumns(columnsFor('Namespace'), { labelColumns: ['app,app.kubernetes.io/name'], showLabels: true });
  assert.deepEqual(columns.headers, ['NAME', 'STATUS', 'AGE', 'APP', 'NAME', 'LABELS']);
  const now = Date.parse('2026-01-01T00:01:00Z');
  assert.deepEqual(columns.row(pod('a', { tier: 'fe', app: 'web' }), now).slice(3), ['web', '', 'app=web,tier=fe']);
  assert.deepEqual(columns.row(pod('b', undefined), now).slice(3), ['', '', '<none>']);
  const plain = columnsFor('Pod');
  assert.equal(withLabelColumns(plain, { labelColumns: [], showLabels: false }), plain);
});

test('--sort-by orders by a JSONPath value: numbers numerically, text naturally, missing first', () => {
  const items = [pod('web-10', { rank: '2' }, '2026-01-03T00:00:00Z'), pod('web-9', undefined, '2026-01-01T00:00:00Z'), pod('web-2', { rank: '1' }, '2026-01-02T00:00:00Z')];
  const names = (list: typeof items) => list.map((p) => p.metadata.name);
  assert.deepEqual(names(sortBy(items, '.metadata.name', (p) => p)), ['web-2', 'web-9', 'web-10']);
  assert.deepEqual(names(sortBy(items, '{.metadata.creationTimestamp}', (p) => p)), ['web-9', 'web-2', 'web-10']);
  assert.deepEqual(names(sortBy(items, '.metadata.labels.rank', (p) => p)), ['web-9', 'web-2', 'web-10']);
  assert.deepEqual(
    names(
      sortBy(
        [
          { metadata: { name: 'b' }, n: 10 },
          { metadata: { name: 'a' }, n: 9 },
        ] as any[],
        '.n',
        (p) => p,
      ),
    ),
    ['a', 'b'],
  );
  assert.throws(() => sortBy(items, '.items[', (p) => p), /couldn't parse --sort-by \.items\[/);
});
