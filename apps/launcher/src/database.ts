// The database the API will use: the one named by DATABASE_URL, or an embedded server.
import type { DatabasePlan } from './config.js';
import type { Database } from './database-handle.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import type { Logger } from './log.js';
import { redactUrl } from './urls.js';

export type { Database } from './database-handle.js';

export async function openDatabase(plan: DatabasePlan, log: Logger): Promise<Database> {
  if (plan.kind === 'embedded') return startEmbeddedPostgres(plan, log);
  log.info(`using the database at ${redactUrl(plan.url)}`);
  return { url: plan.url, exited: new Promise<void>(() => {}), stop: async () => {} };
}
