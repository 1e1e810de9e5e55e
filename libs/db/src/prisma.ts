import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

export type Db = PrismaClient;

const TRANSACTION_MAX_WAIT_MS = 10_000;

/** A Prisma client over node-postgres (no Rust query engine). */
export function createDb(databaseUrl: string, poolSize = 10): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  // A busy pool (a query of 50 aliased lists runs 50 list transactions at once) queues
  // transactions for a connection; Prisma's 2 s default turned that queue into errors.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS } });
}
