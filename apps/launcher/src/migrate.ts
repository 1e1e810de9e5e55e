// Brings the database schema up to date before the API starts.
import { migrateDeploy } from '@wheelhouse/migrate';
import type { Logger } from './log.js';

export async function runMigrations(databaseUrl: string, log: Logger): Promise<void> {
  log.info('applying database migrations');
  const applied = await migrateDeploy(databaseUrl);
  log.info(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'database schema is up to date');
}
