import { KINDS, type KindInfo, type KubeObject } from '@wheelhouse/resources';
import type { Db } from '../prisma.js';
import { objectToRow, rowToObject, type Row } from '../store/row.js';
import { openObject, sealObject, sealedWith } from './codec.js';
import type { Keyring } from './keyring.js';

const PAGE = 500;
const MAX_PASSES = 10;

export interface ReencryptReport {
  /** Objects (table rows) re-sealed under the primary key. */
  objects: number;
  /** Change-log entries (watch and history source) re-sealed. */
  changes: number;
  /** Keys still found after the last pass (empty when done). */
  remaining: string[];
}

/**
 * Re-seals every stored object of every encrypted kind, and its change-log entries,
 * under the keyring's primary key while the API keeps serving: a row is rewritten only
 * if its resourceVersion is unchanged (no new revision: the object is the same, only
 * its storage changed); a row a client wrote meanwhile is looked at again in the
 * next pass. Old keys must stay in the keyring until this returns with nothing left.
 */
export async function reencryptAll(db: Db, keyring: Keyring): Promise<ReencryptReport> {
  const report: ReencryptReport = { objects: 0, changes: 0, remaining: [] };
  for (const kind of KINDS.filter((k) => k.encryptedFields?.length)) {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const { rewritten, stale } = await reencryptTable(db, kind, keyring);
      report.objects += rewritten;
      if (stale === 0) break;
    }
    report.changes += await reencryptChangeLog(db, kind, keyring);
  }
  report.remaining = await keysInUse(db, keyring.primary().name);
  return report;
}

const stale = (kind: KindInfo, stored: KubeObject, primary: string) => sealedWith(kind, stored).some((name) => name !== primary) || hasPlaintext(kind, stored);
const hasPlaintext = (kind: KindInfo, stored: KubeObject) => (kind.encryptedFields ?? []).some((f) => stored[f] !== undefined && typeof stored[f] !== 'string');

async function reencryptTable(db: Db, kind: KindInfo, keyring: Keyring): Promise<{ rewritten: number; stale: number }> {
  const primary = keyring.primary().name;
  let rewritten = 0;
  let lost = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.$queryRawUnsafe<Row[]>(`SELECT * FROM "${kind.table}" WHERE "uid" > $1::uuid ORDER BY "uid" LIMIT ${PAGE}`, after);
    for (const row of rows) {
      const stored = rowToObject(kind, row);
      if (!stale(kind, stored, primary)) continue;
      const resealed = objectToRow(kind, sealObject(kind, openObject(kind, stored, keyring), keyring));
      const updated = await db.$executeRawUnsafe(
        `UPDATE "${kind.table}" SET "spec" = $1::jsonb, "annotations" = $2::jsonb WHERE "uid" = $3::uuid AND "resourceVersion" = $4::bigint`,
        JSON.stringify(resealed.spec),
        JSON.stringify(resealed.annotations),
        row.uid,
        row.resourceVersion,
      );
      if (updated === 1) rewritten++;
      else lost++;
    }
    if (rows.length < PAGE) return { rewritten, stale: lost };
    after = rows[rows.length - 1]!.uid as string;
  }
}

async function reencryptChangeLog(db: Db, kind: KindInfo, keyring: Keyring): Promise<number> {
  const primary = keyring.primary().name;
  let rewritten = 0;
  let after = 0n;
  for (;;) {
    const rows = await db.$queryRawUnsafe<{ revision: bigint; object: KubeObject }[]>(
      `SELECT "revision", "object" FROM "change_log" WHERE "kind" = $1 AND "revision" > $2 ORDER BY "revision" LIMIT ${PAGE}`,
      kind.kind,
      after,
    );
    for (const row of rows) {
      if (!stale(kind, row.object, primary)) continue;
      const resealed = sealObject(kind, openObject(kind, row.object, keyring), keyring);
      // Compaction may have removed it meanwhile; then there is nothing left to protect.
      rewritten += await db.$executeRawUnsafe(`UPDATE "change_log" SET "object" = $1::jsonb WHERE "revision" = $2`, JSON.stringify(resealed), row.revision);
    }
    if (rows.length < PAGE) return rewritten;
    after = BigInt(rows[rows.length - 1]!.revision);
  }
}

/** Key names (other than `primary`) that stored objects or change-log entries still use. */
export async function keysInUse(db: Db, primary: string): Promise<string[]> {
  const found = new Set<string>();
  for (const kind of KINDS.filter((k) => k.encryptedFields?.length)) {
    const rows = await db.$queryRawUnsafe<Row[]>(`SELECT * FROM "${kind.table}"`);
    for (const row of rows) for (const name of sealedWith(kind, rowToObject(kind, row))) found.add(name);
    const changes = await db.$queryRawUnsafe<{ object: KubeObject }[]>(`SELECT "object" FROM "change_log" WHERE "kind" = $1`, kind.kind);
    for (const change of changes) for (const name of sealedWith(kind, change.object)) found.add(name);
  }
  found.delete(primary);
  return [...found].sort();
}
