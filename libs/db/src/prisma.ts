import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';
import { attachSql, createSql } from './sql.js';

export type Db = PrismaClient;

const TRANSACTION_MAX_WAIT_MS = 10_000;

/**
 * A Prisma client over node-postgres (no Rust query engine), with a postgres.js pool of
 * the same size beside it for the store's hot statements (sql.ts). Both open connections
 * lazily; close both with closeDb.
 */
export function createDb(databaseUrl: string, poolSize = 10): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  // A busy pool (a query of 50 aliased lists runs 50 list transactions at once) queues
  // transactions for a connection; Prisma's 2 s default turned that queue into errors.
  const db = new PrismaClient({ adapter, transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS } });
  attachSql(db, createSql(databaseUrl, poolSize));
  return db;
}
