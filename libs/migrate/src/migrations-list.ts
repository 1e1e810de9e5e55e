import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MigrationDirectory, MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';

export const lockfileName = 'migration_lock.toml';

/**
 * Reads a Prisma migrations directory into the engine's `MigrationList`, the way the
 * Prisma CLI does: every subdirectory is a migration whose `migration.sql` is read (or
 * its read error reported to the engine), sorted by name, which starts with a timestamp.
 */
export async function readMigrationsList(baseDir: string): Promise<MigrationList> {
  const lockContent = await readFile(join(baseDir, lockfileName), 'utf8').catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const migrationDirectories: MigrationDirectory[] = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const path = 'migration.sql';
    const content = await readFile(join(baseDir, entry.name, path), 'utf8').then(
      (value) => ({ tag: 'ok' as const, value }),
      (error: Error) => ({ tag: 'error' as const, value: error.message }),
    );
    migrationDirectories.push({ path: entry.name, migrationFile: { path, content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir,
    lockfile: { path: lockfileName, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}
