// The database the API will use: the one named by DATABASE_URL, or an embedded server.
import type { DatabasePlan } from './config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import type { Logger } from './log.js';
import { redactUrl } from './urls.js';

export interface Database {
  url: string;
  /** Resolves if the server process goes away (never, for an external database). */
  exited: Promise<void>;
  /** Idempotent; a no-op for an external database. */
  stop(): Promise<void>;
}

export async function openDatabase(plan: DatabasePlan, log: Logger): Promise<Database> {
  if (plan.kind === 'embedded') return startEmbeddedPostgres(plan, log);
  log.info(`using the database at ${redactUrl(plan.url)}`);
  return { url: plan.url, exited: new Promise<void>(() => {}), stop: async () => {} };
}
