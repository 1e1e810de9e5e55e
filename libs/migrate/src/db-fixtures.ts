import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { quoteIdent, withDatabase } from './database-url.js';
import { withClient } from './pg-client.js';
import { defaultDatabaseUrl, defaultMigrationsDir } from './paths.js';

// Helpers for this package's tests only.

export const adminUrl = process.env.TEST_DATABASE_URL ?? defaultDatabaseUrl;

export async function databaseExists(name: string): Promise<boolean> {
  const { rowCount } = await withClient(adminUrl, (c) => c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]));
  return rowCount === 1;
}

/** An empty database (no migrations applied), dropped by the returned function. */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `wh_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
  };
}

/** A scratch copy of prisma/migrations, so tests never touch the real directory. */
export async function copyMigrations(): Promise<{ dir: string; remove(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'wh-migrate-'));
  const dir = join(root, 'migrations');
  await cp(defaultMigrationsDir, dir, { recursive: true });
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}
