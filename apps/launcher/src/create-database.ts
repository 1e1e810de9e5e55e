// Creates the application database on first start; later starts find it.
import type pg from 'pg';

/** Connects with `admin` (a client for the `postgres` maintenance database). Returns true if created. */
export async function createDatabaseIfAbsent(admin: pg.Client, name: string): Promise<boolean> {
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return false;
    await admin.query(`create database ${admin.escapeIdentifier(name)}`);
    return true;
  } finally {
    await admin.end();
  }
}
