import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { migrateDeploy } from './deploy.js';
import { withClient } from './pg-client.js';
import { defaultMigrationsDir } from './paths.js';
import { copyMigrations, createEmptyDatabase } from './db-fixtures.js';

test('concurrent deploys on a fresh database both succeed and apply each migration once', async () => {
  const db = await createEmptyDatabase();
  try {
    const expected = (await readdir(defaultMigrationsDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const results = await Promise.all([migrateDeploy(db.url), migrateDeploy(db.url)]);
    // Whichever got the lock first applied everything; the other found nothing pending.
    assert.deepEqual(results.flat().sort(), expected);
    assert.ok(results.some((applied) => applied.length === 0));
    const { rows } = await withClient(db.url, (c) => c.query<{ n: string }>('SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL'));
    assert.equal(Number(rows[0]?.n), expected.length);
  } finally {
    await db.drop();
  }
});

test('a failing migration is rolled back as a whole and reported with the database error', async () => {
  const db = await createEmptyDatabase();
  const migrations = await copyMigrations();
  try {
    const dir = join(migrations.dir, '20990101000000_broken');
    await mkdir(dir);
    // The ';' inside the string literal must not split the statement.
    await writeFile(join(dir, 'migration.sql'), `CREATE TABLE "t" (a text);\nINSERT INTO "t" VALUES ('x;y');\nSELECT 1/0;\n`);
    await assert.rejects(migrateDeploy(db.url, migrations.dir), /division by zero/);
    await withClient(db.url, async (client) => {
      const { rows } = await client.query<{ t: string | null }>(`SELECT to_regclass('t')::text AS t`);
      assert.equal(rows[0]?.t, null, 'partial migration left table "t" behind');
      const failed = await client.query(`SELECT 1 FROM _prisma_migrations WHERE migration_name = '20990101000000_broken' AND finished_at IS NULL`);
      assert.equal(failed.rowCount, 1, 'failure not recorded in _prisma_migrations');
    });
  } finally {
    await migrations.remove();
    await db.drop();
  }
});
