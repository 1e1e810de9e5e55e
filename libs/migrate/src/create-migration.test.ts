import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createMigration } from './create-migration.js';
import { defaultSchemaPath } from './paths.js';
import { adminUrl, copyMigrations } from './db-fixtures.js';

test('an unchanged schema yields no migration', async () => {
  const migrations = await copyMigrations();
  try {
    const before = await readdir(migrations.dir);
    const lines: string[] = [];
    const created = await createMigration('nothing', { migrationsDir: migrations.dir, databaseUrl: adminUrl, log: (l) => lines.push(l) });
    assert.equal(created, null);
    assert.deepEqual(lines, ['no changes']);
    assert.deepEqual(await readdir(migrations.dir), before);
  } finally {
    await migrations.remove();
  }
});

test('a schema change becomes a new timestamped migration', async () => {
  const migrations = await copyMigrations();
  const schemaPath = join(migrations.dir, '..', 'schema.prisma');
  try {
    const schema = await readFile(defaultSchemaPath, 'utf8');
    await writeFile(schemaPath, `${schema}\nmodel Probe {\n  id String @id\n\n  @@map("probes")\n}\n`);
    const created = await createMigration('add_probe', { schemaPath, migrationsDir: migrations.dir, databaseUrl: adminUrl, log: () => {} });
    assert.ok(created);
    assert.match(created.name, /^\d{14}_add_probe$/);
    const sql = await readFile(join(migrations.dir, created.name, 'migration.sql'), 'utf8');
    assert.match(sql, /CREATE TABLE "probes"/);
    assert.doesNotMatch(sql, /CREATE TABLE "pods"/);
  } finally {
    await migrations.remove();
  }
});

test('migration names are restricted to letters, digits and _', async () => {
  await assert.rejects(createMigration('drop table', { log: () => {} }), /invalid migration name/);
});
