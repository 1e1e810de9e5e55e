import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { createThrowawayDatabase } from './throwaway-database.js';
import { migrateDeploy } from './deploy.js';
import { databaseName } from './database-url.js';
import { withClient } from './pg-client.js';
import { defaultMigrationsDir } from './paths.js';
import { adminUrl, databaseExists } from './db-fixtures.js';

test('a throwaway database is fully migrated, re-deploys as a no-op and drops cleanly', async () => {
  const db = await createThrowawayDatabase(adminUrl);
  const name = databaseName(db.url);
  try {
    assert.match(name, /^wh_test_\d+_[0-9a-f]+$/);
    await withClient(db.url, async (client) => {
      const tables = await client.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
      const names = tables.rows.map((r) => r.table_name);
      for (const table of ['pods', 'change_log', 'counters', '_prisma_migrations']) {
        assert.ok(names.includes(table), `missing table ${table}`);
      }

      const [init] = (await readdir(defaultMigrationsDir)).filter((d) => d.endsWith('_init'));
      const migrations = await client.query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
        'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations',
      );
      const row = migrations.rows.find((r) => r.migration_name === init);
      assert.ok(row, `init migration ${init} not recorded`);
      assert.ok(row.finished_at instanceof Date);
      assert.equal(row.rolled_back_at, null);

      const counters = await client.query<{ name: string; value: string }>('SELECT name, value FROM counters ORDER BY name');
      assert.deepEqual(counters.rows, [
        { name: 'compacted', value: '0' },
        { name: 'revision', value: '0' },
      ]);
    });

    assert.deepEqual(await migrateDeploy(db.url), []);
  } finally {
    await db.drop();
  }
  assert.equal(await databaseExists(name), false);
  await db.drop(); // idempotent
});
