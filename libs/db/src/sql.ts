import postgres from 'postgres';

/**
 * The store's hot statements (reads, lists, the commit, the change-log tail) run on
 * postgres.js (porsager/postgres): prepared once per connection and pipelined, about a
 * fifth of the CPU per statement of Prisma's raw queries, which stay for everything else
 * (typed queries, migrations, transactions of cold paths).
 */
export type Sql = postgres.Sql<{ bigint: bigint; jsonb: unknown }>;

/** Runs one statement with `$n` parameters; returns its rows. */
export type QueryRows = <T>(text: string, params?: unknown[]) => Promise<T[]>;

/** What this file needs of a Prisma client (not its type: prisma.ts imports this file). */
interface RawClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $disconnect(): Promise<void>;
}

const pools = new WeakMap<RawClient, Sql>();

/** A pool as Prisma's raw queries return values: int8 as bigint, json/jsonb parsed, timestamps as Date. */
export function createSql(databaseUrl: string, poolSize: number): Sql {
  return postgres(databaseUrl, {
    max: poolSize,
    // Idle connections close, so a client that forgot to close its pool still exits.
    idle_timeout: 30,
    onnotice: () => undefined,
    types: {
      bigint: postgres.BigInt,
      // Callers pass JSON text for json/jsonb parameters (as to Prisma's raw queries); objects are serialised.
      jsonb: { to: 3802, from: [114, 3802], serialize: (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x)), parse: (x: string) => JSON.parse(x) },
    },
  }) as unknown as Sql;
}

export function attachSql(db: RawClient, sql: Sql): void {
  pools.set(db, sql);
}

export function sqlOf(db: RawClient): Sql | undefined {
  return pools.get(db);
}

/** One statement on the client's postgres.js pool when it has one, else through Prisma (a transaction's client). */
export function queryRows<T>(db: RawClient, text: string, params: unknown[] = []): Promise<T[]> {
  const sql = pools.get(db);
  if (sql) return sql.unsafe(text, params as never[], { prepare: true }) as unknown as Promise<T[]>;
  return db.$queryRawUnsafe<T[]>(text, ...params);
}

/** A runner for statements inside a postgres.js transaction. */
export function runnerOf(sql: Sql | postgres.TransactionSql<{ bigint: bigint; jsonb: unknown }>): QueryRows {
  return <T>(text: string, params: unknown[] = []) => sql.unsafe(text, params as never[], { prepare: true }) as unknown as Promise<T[]>;
}

/** Closes the client and its postgres.js pool. */
export async function closeDb(db: RawClient): Promise<void> {
  await Promise.all([db.$disconnect(), pools.get(db)?.end({ timeout: 5 })]);
}
