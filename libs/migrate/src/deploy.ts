import { withDeployLock } from './advisory-lock.js';
import { withSchemaEngine } from './engine-session.js';
import { readMigrationsList } from './migrations-list.js';
import { defaultMigrationsDir } from './paths.js';
import { noExternalEntities } from './schema-filter.js';

/**
 * Applies the migrations in `migrationsDir` that `databaseUrl` has not applied yet, like
 * `prisma migrate deploy` (same engine, same `_prisma_migrations` bookkeeping), and returns
 * their names. Concurrent callers queue on an advisory lock; later ones find nothing to do.
 */
export async function migrateDeploy(databaseUrl: string, migrationsDir = defaultMigrationsDir): Promise<string[]> {
  const migrationsList = await readMigrationsList(migrationsDir);
  return withDeployLock(databaseUrl, async () => {
    const result = await withSchemaEngine(databaseUrl, undefined, (engine) => engine.applyMigrations({ migrationsList, filters: noExternalEntities }));
    return result.appliedMigrationNames;
  });
}
