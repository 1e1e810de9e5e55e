// Group commit (libs/db/src/store/group-commit.ts): concurrent writes share one
// transaction, yet each succeeds or fails on its own and the change log stays gap-free
// and in revision order.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@wheelhouse/migrate';
import { closeDb, createDb, readChanges, Store, type Db } from '@wheelhouse/db';
import { type ApiError, NamespaceKind, PodKind, type KubeObject } from '@wheelhouse/resources';

let database: ThrowawayDatabase;
let db: Db;
let store: Store;
before(async () => {
  database = await createThrowawayDatabase();
  db = createDb(database.url, 4);
  store = new Store(db);
  await store.create(NamespaceKind, { metadata: { name: 'group' } } as KubeObject, undefined);
  await store.create(PodKind, pod('taken'), 'group');
});
after(async () => {
  if (db) await closeDb(db);
  await database?.drop();
});

const pod = (name: string, namespace = 'group') => ({ metadata: { name, namespace }, spec: { containers: [{ name: 'c', image: 'busybox' }] } }) as unknown as KubeObject;

test('60 concurrent creates: the valid ones commit, duplicates and missing namespaces fail alone, revisions stay gap-free', async () => {
  const start = BigInt((await store.get(PodKind, 'group', 'taken'))!.metadata.resourceVersion!);
  const requests = Array.from({ length: 60 }, (_, i) => (i % 6 === 1 ? pod('taken') : i % 6 === 4 ? pod(`p-${i}`, 'absent') : pod(`p-${i}`)));
  const results = await Promise.allSettled(requests.map((p) => store.create(PodKind, p, p.metadata.namespace)));

  const codes = results.map((r) => (r.status === 'fulfilled' ? 'OK' : (r.reason as ApiError).code));
  assert.deepEqual(
    codes,
    requests.map((_, i) => (i % 6 === 1 ? 'ALREADY_EXISTS' : i % 6 === 4 ? 'NOT_FOUND' : 'OK')),
  );
  const written = results.flatMap((r) => (r.status === 'fulfilled' ? [BigInt(r.value.metadata.resourceVersion!)] : []));
  assert.equal(written.length, 40);
  // Exactly the revisions after `start`, each once: failed groups took none.
  assert.deepEqual(
    [...written].sort((a, b) => (a < b ? -1 : 1)),
    Array.from({ length: 40 }, (_, i) => start + BigInt(i + 1)),
  );

  const changes = await readChanges(db, { after: start, limit: 100 });
  assert.deepEqual(
    changes.map((c) => c.revision),
    Array.from({ length: 40 }, (_, i) => start + BigInt(i + 1)),
  );
  // Each change is the object its writer was answered with.
  for (const result of results) {
    if (result.status !== 'fulfilled') continue;
    const change = changes.find((c) => c.name === result.value.metadata.name)!;
    assert.equal(String(change.revision), result.value.metadata.resourceVersion);
    assert.equal(change.type, 'ADDED');
  }
});

test('concurrent compare-and-swap updates of one object in one group: one wins, the rest are CONFLICT', async () => {
  const current = (await store.get(PodKind, 'group', 'taken'))!;
  const results = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) =>
      store.patch(PodKind, 'group', 'taken', { metadata: { resourceVersion: current.metadata.resourceVersion, labels: { writer: String(i) } } }, 'main'),
    ),
  );
  const wins = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  assert.equal(wins.length, 1);
  assert.ok(results.every((r) => r.status === 'fulfilled' || (r.reason as ApiError).code === 'CONFLICT'));
  const after = (await store.get(PodKind, 'group', 'taken'))!;
  assert.equal(after.metadata.resourceVersion, wins[0]!.metadata.resourceVersion);
  assert.equal(after.metadata.labels?.writer, wins[0]!.metadata.labels?.writer);
  // The losers took no revision: the winner's is the newest in the change log.
  const [newest] = await db.$queryRawUnsafe<{ revision: bigint }[]>(`SELECT max("revision") AS "revision" FROM "change_log"`);
  assert.equal(String(newest!.revision), after.metadata.resourceVersion);
});

test('a group statement rolls back a failing group alone, its revisions included', async () => {
  const before = await db.$queryRawUnsafe<{ value: bigint }[]>(`SELECT "value" FROM "counters" WHERE "name" = 'revision'`);
  const [row] = await db.$queryRawUnsafe<{ results: { last?: string; code?: string }[] }[]>(
    `SELECT wh_commit_group($1::jsonb) AS "results"`,
    JSON.stringify([
      { actor: 'a', writes: [] },
      { actor: 'b', writes: [{ op: 'delete', table: 'pods', uid: '00000000-0000-0000-0000-000000000000', expected: '1', log: { name: 'ghost' } }] },
    ]),
  );
  assert.equal(row!.results[1]!.code, 'WH412');
  const afterValue = await db.$queryRawUnsafe<{ value: bigint }[]>(`SELECT "value" FROM "counters" WHERE "name" = 'revision'`);
  assert.equal(afterValue[0]!.value, before[0]!.value);
});
