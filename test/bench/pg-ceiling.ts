// The PostgreSQL ceiling a bench's figures are read against, measured in the same run
// on the same server: pgbench's simple-update (-N, one small write transaction) and
// select-only (-S, one indexed read) loads on a throwaway database, short runs. The API
// does more per request than either, so its rates stay below these; how far below is
// what the bench shows.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface PgbenchRun {
  /** The pgbench flags of this load: `-N` or `-S`. */
  mode: string;
  transactionsPerSecond: number;
  latencyAverageMs: number;
  failedTransactions: number;
}

export interface PostgresCeiling {
  tool: string;
  serverVersion: string;
  /** The machine the bench and PostgreSQL share, and how busy it was when pgbench started. */
  cpus: number;
  loadAverage1m: number;
  clients: number;
  threads: number;
  secondsEach: number;
  scale: number;
  /** `pgbench -N`: simple updates (one row written per transaction, no branch/teller updates). */
  simpleUpdate: PgbenchRun;
  /** `pgbench -S`: select-only (one primary-key read per transaction). */
  selectOnly: PgbenchRun;
}

/** pgbench on PATH, else PostgreSQL 15's (Debian puts it under /usr/lib/postgresql/15/bin). */
function pgbenchPath(): string {
  const candidates = (process.env.PATH ?? '').split(':').map((dir) => `${dir}/pgbench`);
  return [...candidates, '/usr/lib/postgresql/15/bin/pgbench'].find((path) => existsSync(path)) ?? 'pgbench';
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(sql: string, fn: (rows: Record<string, unknown>[]) => T = () => undefined as T): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return fn((await client.query(sql)).rows);
  } finally {
    await client.end();
  }
}

/** The figures of one pgbench run from its report (pgbench 15's wording). */
export function parsePgbench(mode: string, output: string): PgbenchRun {
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1];
  const latency = /latency average = ([\d.]+) ms/.exec(output)?.[1];
  const failed = /number of failed transactions: (\d+)/.exec(output)?.[1];
  if (!tps || !latency) throw new Error(`could not read pgbench ${mode} output:\n${output}`);
  return { mode, transactionsPerSecond: Math.round(Number(tps)), latencyAverageMs: Number(latency), failedTransactions: Number(failed ?? 0) };
}

/**
 * Runs `pgbench -N` then `pgbench -S` for `seconds` each (BENCH_PGBENCH_SECONDS, default
 * 10) with `clients` connections (BENCH_PGBENCH_CLIENTS, default 8) on a throwaway
 * database, which is dropped afterwards. Call it before the bench's own load starts.
 */
export async function measurePostgresCeiling(): Promise<PostgresCeiling> {
  const seconds = Number(process.env.BENCH_PGBENCH_SECONDS ?? 10);
  const clients = Number(process.env.BENCH_PGBENCH_CLIENTS ?? 8);
  const threads = 2;
  const scale = 1;
  const tool = pgbenchPath();
  const loadAverage1m = loadavg()[0]!;
  const name = `wh_pgbench_${Date.now()}_${randomBytes(4).toString('hex')}`;
  process.stderr.write(`bench: PostgreSQL ceiling (pgbench -N and -S, ${seconds} s each, ${clients} clients)\n`);
  await admin(`CREATE DATABASE ${name}`);
  try {
    const url = withDatabase(ADMIN_URL, name);
    const serverVersion = await admin('SHOW server_version', (rows) => String(rows[0]?.server_version));
    await run(tool, ['-i', '-q', '-s', String(scale), url]);
    const load = async (mode: string) => {
      const { stdout } = await run(tool, [mode, '-c', String(clients), '-j', String(threads), '-T', String(seconds), url]);
      return parsePgbench(mode, stdout);
    };
    const simpleUpdate = await load('-N');
    const selectOnly = await load('-S');
    return { tool, serverVersion, cpus: cpus().length, loadAverage1m, clients, threads, secondsEach: seconds, scale, simpleUpdate, selectOnly };
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
