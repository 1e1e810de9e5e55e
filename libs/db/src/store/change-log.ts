import { findKind, type KubeObject } from '@wheelhouse/resources';
import { keyringOf } from '../at-rest/attach.js';
import { openObject } from '../at-rest/codec.js';
import type { Db } from '../prisma.js';
import { queryRows } from '../sql.js';
import type { SelectableSnapshot } from './selectable.js';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface Change {
  revision: bigint;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  type: ChangeType;
  object: KubeObject;
  prev: SelectableSnapshot | null;
  actor: string | null;
  createdAt: Date;
}

export interface ChangeQuery {
  after: bigint;
  /** Up to and including. */
  upTo?: bigint;
  kind?: string;
  namespace?: string;
  name?: string;
  limit: number;
}

/** Changes in revision order. Revisions have no gaps (see commit.ts), so `after` is a complete cursor. */
export async function readChanges(db: Db, query: ChangeQuery): Promise<Change[]> {
  const params: unknown[] = [query.after];
  const where = [`"revision" > $1`];
  if (query.upTo !== undefined) where.push(`"revision" <= $${params.push(query.upTo)}`);
  if (query.kind) where.push(`"kind" = $${params.push(query.kind)}`);
  if (query.namespace !== undefined) where.push(`"namespace" = $${params.push(query.namespace)}`);
  if (query.name !== undefined) where.push(`"name" = $${params.push(query.name)}`);
  const rows = await queryRows<Change>(db, `SELECT * FROM "change_log" WHERE ${where.join(' AND ')} ORDER BY "revision" LIMIT $${params.push(query.limit)}`, params);
  return rows.map((row) => ({ ...row, revision: BigInt(row.revision), object: openChange(db, row) }));
}

/**
 * A change's object with its encrypted fields opened. One that cannot be opened (its key
 * is gone) stays sealed rather than failing the batch: the tail feeds every watch, and
 * only that Secret's watchers should see the failure.
 */
function openChange(db: Db, row: Change): KubeObject {
  const kind = findKind(row.kind);
  if (!kind) return row.object;
  try {
    return openObject(kind, row.object, keyringOf(db));
  } catch {
    return row.object;
  }
}

export async function compactedRevision(db: Db): Promise<bigint> {
  const [row] = await queryRows<{ value: bigint }>(db, `SELECT "value" FROM "counters" WHERE "name" = 'compacted'`);
  return BigInt(row!.value);
}

export interface CompactionPolicy {
  /** Keep changes younger than this. */
  retentionSeconds: number;
  /** And never fewer than this many revisions. */
  minRevisions: number;
}

/**
 * Drops changes older than the retention unless that would keep fewer than
 * minRevisions. Watches from at or below the compacted revision get EXPIRED.
 * Returns the new compacted revision.
 */
export async function compactChangeLog(db: Db, policy: CompactionPolicy): Promise<bigint> {
  return db.$transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [{ target }] = await t.$queryRawUnsafe<{ target: bigint | null }[]>(
      `SELECT LEAST(
         (SELECT "value" FROM "counters" WHERE "name" = 'revision') - $1::bigint,
         (SELECT max("revision") FROM "change_log" WHERE "createdAt" < now() - make_interval(secs => $2::double precision))
       ) AS "target"`,
      policy.minRevisions,
      policy.retentionSeconds,
    );
    const compacted = await compactedRevision(t);
    if (target === null || BigInt(target) <= compacted) return compacted;
    // Raise the horizon first (row lock), so a reader never sees rows missing below it.
    await t.$executeRawUnsafe(`UPDATE "counters" SET "value" = $1 WHERE "name" = 'compacted'`, target);
    await t.$executeRawUnsafe(`DELETE FROM "change_log" WHERE "revision" <= $1`, target);
    return BigInt(target);
  });
}
