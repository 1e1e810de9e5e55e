import { relative } from 'node:path';
import { withSchemaEngine } from './engine-session.js';
import { readMigrationsList } from './migrations-list.js';
import { lockfileContent, writeLockfile, writeMigration } from './migration-files.js';
import { migrationTimestamp } from './migration-timestamp.js';
import { defaultDatabaseUrl, defaultMigrationsDir, defaultSchemaPath } from './paths.js';
import { readSchemaFiles } from './schema-files.js';
import { noExternalEntities } from './schema-filter.js';

export interface CreateMigrationOptions {
  schemaPath?: string;
  migrationsDir?: string;
  /**
   * The PostgreSQL server on which the engine replays the existing migrations, in a
   * temporary shadow database it creates and drops. No database is diffed or changed.
   */
  databaseUrl?: string;
  /** Where progress lines go; console.log by default. */
  log?: (line: string) => void;
}

export interface CreatedMigration {
  /** The directory name, `<YYYYMMDDHHMMSS>_<name>` (UTC). */
  name: string;
  /** The written migration.sql. */
  file: string;
}

const migrationName = /^[A-Za-z0-9_]+$/;

/**
 * Like `prisma migrate dev --create-only`: diffs the schema against what the migrations
 * directory builds and writes the difference as a new migration. Returns null, after
 * logging "no changes", when the migrations already produce the schema.
 */
export async function createMigration(name: string, options: CreateMigrationOptions = {}): Promise<CreatedMigration | null> {
  if (!migrationName.test(name)) throw new Error(`invalid migration name "${name}": use letters, digits and _`);
  const schemaPath = options.schemaPath ?? defaultSchemaPath;
  const baseDir = options.migrationsDir ?? defaultMigrationsDir;
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL ?? defaultDatabaseUrl;
  const log = options.log ?? console.log;

  const [schemaFiles, migrationsList] = await Promise.all([readSchemaFiles(schemaPath), readMigrationsList(baseDir)]);
  // The engine takes the connector from the lock file; a new directory has none yet.
  migrationsList.lockfile.content ??= lockfileContent;
  // The WASM engine's createMigration cannot open a shadow database through the adapter
  // (it insists on an "external factory"); diff from the `migrations` target can, and
  // yields the same script.
  const result = await withSchemaEngine(databaseUrl, schemaFiles, (engine) =>
    engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: schemaFiles },
      script: true,
      exitCode: true, // exit code 2 means "there is a difference"
      filters: noExternalEntities,
    }),
  );
  if (result.exitCode !== 2 || !result.stdout) {
    log('no changes');
    return null;
  }
  const directory = `${migrationTimestamp()}_${name}`;
  const file = await writeMigration(baseDir, directory, result.stdout);
  await writeLockfile(baseDir);
  log(`created ${relative(process.cwd(), file)}`);
  return { name: directory, file };
}
