import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Indexer } from './indexer.js';
import type { RuntimeObject } from './object.js';

const obj = (namespace: string | null, name: string, rv: string, labels: Record<string, string> = {}, owners: string[] = []): RuntimeObject => ({
  metadata: { namespace, name, resourceVersion: rv, labels, ownerReferences: owners.map((uid) => ({ uid })) },
});
const names = (items: RuntimeObject[]) => items.map((o) => o.metadata.name).sort();

test('list by namespace and labels; indexes follow updates and removals', () => {
  const store = new Indexer<RuntimeObject>();
  store.upsert(obj('a', 'web-1', '1', { app: 'web', tier: 'fe' }, ['rs1']));
  store.upsert(obj('a', 'web-2', '2', { app: 'web' }, ['rs1']));
  store.upsert(obj('b', 'web-3', '3', { app: 'web' }, ['rs2']));
  store.upsert(obj(null, 'node-1', '4', { zone: 'x' }));
  assert.deepEqual(names(store.list()), ['node-1', 'web-1', 'web-2', 'web-3']);
  assert.deepEqual(names(store.list('a')), ['web-1', 'web-2']);
  assert.deepEqual(names(store.list(null, { app: 'web' })), ['web-1', 'web-2', 'web-3']);
  assert.deepEqual(names(store.list('a', { app: 'web', tier: 'fe' })), ['web-1']);
  assert.deepEqual(names(store.list('b', (l) => l.app !== undefined)), ['web-3']);
  assert.deepEqual(names(store.byOwner('rs1')), ['web-1', 'web-2']);
  assert.equal(store.get('node-1')?.metadata.name, 'node-1', 'cluster-scoped key is the name');

  store.upsert(obj('a', 'web-1', '5', { app: 'db' }, ['rs2']));
  assert.deepEqual(names(store.list(null, { app: 'web' })), ['web-2', 'web-3']);
  assert.deepEqual(names(store.byOwner('rs1')), ['web-2']);
  assert.deepEqual(names(store.byOwner('rs2')), ['web-1', 'web-3']);
  store.remove('b/web-3');
  assert.deepEqual(names(store.byOwner('rs2')), ['web-1']);
  assert.deepEqual(names(store.list('b')), []);
});

test('replace reports what was added, changed and deleted, and keeps unchanged objects as they were', () => {
  const store = new Indexer<RuntimeObject>();
  const kept = obj('a', 'kept', '1');
  store.upsert(kept);
  store.upsert(obj('a', 'changed', '2'));
  store.upsert(obj('a', 'gone', '3', { app: 'x' }));
  const diff = store.replace([obj('a', 'kept', '1'), obj('a', 'changed', '9'), obj('a', 'new', '10')]);
  assert.deepEqual(names(diff.added), ['new']);
  assert.deepEqual(
    diff.updated.map(([o, n]) => [o.metadata.resourceVersion, n.metadata.resourceVersion]),
    [['2', '9']],
  );
  assert.deepEqual(names(diff.deleted), ['gone']);
  assert.equal(store.get('a/kept'), kept);
  assert.deepEqual(store.list(null, { app: 'x' }), []);
});

test('named indexes cover objects stored before and after they are added, and follow updates and removals', () => {
  const store = new Indexer<RuntimeObject>();
  const byApp = (o: RuntimeObject) => (o.metadata.labels?.app ? [o.metadata.labels.app] : []);
  store.upsert(obj('a', 'early', '1', { app: 'web' }));
  store.addIndexer('byApp', byApp);
  store.upsert(obj('a', 'late', '2', { app: 'web' }));
  store.upsert(obj('a', 'none', '3'));
  assert.deepEqual(names(store.byIndex('byApp', 'web')), ['early', 'late']);
  store.upsert(obj('a', 'early', '4', { app: 'db' }));
  assert.deepEqual(names(store.byIndex('byApp', 'web')), ['late']);
  assert.deepEqual(names(store.byIndex('byApp', 'db')), ['early']);
  store.remove('a/late');
  assert.deepEqual(names(store.byIndex('byApp', 'web')), []);
  assert.throws(() => store.addIndexer('byApp', byApp), /already exists/);
  assert.throws(() => store.byIndex('byNode', 'x'), /no indexer/);
});
