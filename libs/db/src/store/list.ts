import { ApiError, type KindInfo, type KubeObject } from '@wheelhouse/resources';
import type { Db } from '../prisma.js';
import type { Row } from './row.js';
import { readRow } from './read.js';
import { keyringOf } from '../at-rest/attach.js';
import { queryRows, runnerOf, sqlOf, type QueryRows } from '../sql.js';
import { openObject } from '../at-rest/codec.js';
import { decodeContinue, encodeContinue } from './continue-token.js';
import { objectFilter, type ObjectFilter } from './object-filter.js';
import { filterToSql } from './filter-sql.js';

export interface ListOptions extends ObjectFilter {
  limit?: number;
  continue?: string;
}

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
}

/**
 * A list is a snapshot at one revision, also across pages: the first page reads the
 * table and the revision counter in one REPEATABLE READ snapshot; later pages serve the
 * same revision by taking objects changed since then from the change log as they were
 * (keyset paging on namespace/name, so nothing is served twice or missed).
 */
export async function listObjects(db: Db, kind: KindInfo, options: ListOptions): Promise<ListResult> {
  const token = options.continue ? decodeContinue(options.continue) : undefined;
  const limit = options.limit && options.limit > 0 ? options.limit : undefined;
  return inSnapshot(db, async (q) => {
    const [{ value }] = await q<{ value: bigint }>(`SELECT "value" FROM "counters" WHERE "name" = 'revision'`);
    const revision = token ? BigInt(token.resourceVersion) : value;
    // A token from the future was not issued by this cluster.
    if (revision > value) throw new ApiError('BAD_USER_INPUT', 'continue: Invalid value: the continue token is not valid', 'continue');
    if (token) await assertNotCompacted(q, revision);
    const after = token ? { namespace: token.namespace, name: token.name } : undefined;
    let items = await readTable(q, db, kind, options, revision, after, limit, token !== undefined);
    if (token) items = mergeByKey(items, await readChangedSince(q, db, kind, options, revision, after), limit);
    const more = limit !== undefined && items.length > limit;
    const page = more ? items.slice(0, limit) : items;
    const last = page[page.length - 1];
    return {
      items: page,
      resourceVersion: String(revision),
      ...(more && last ? { continue: encodeContinue({ resourceVersion: String(revision), namespace: last.metadata.namespace ?? '', name: last.metadata.name ?? '' }) } : {}),
    };
  });
}

/**
 * The objects matching a filter as they are now, in one statement and without a
 * revision: for decisions that a compare-and-swap protects anyway (quota admission).
 */
export function readCurrentObjects(db: Db, kind: KindInfo, filter: ObjectFilter): Promise<KubeObject[]> {
  return readTable((text, params) => queryRows(db, text, params), db, kind, filter, 0n, undefined, undefined, false);
}

/** Runs `work` in one REPEATABLE READ snapshot: on the postgres.js pool, else in a Prisma transaction. */
function inSnapshot<T>(db: Db, work: (q: QueryRows) => Promise<T>): Promise<T> {
  const sql = sqlOf(db);
  if (sql) return sql.begin('isolation level repeatable read read only', (tx) => work(runnerOf(tx))) as Promise<T>;
  return db.$transaction((tx) => work((text, params = []) => (tx as unknown as Db).$queryRawUnsafe(text, ...params)), { isolationLevel: 'RepeatableRead' });
}

type Key = { namespace: string; name: string };

async function readTable(
  q: QueryRows,
  db: Db,
  kind: KindInfo,
  filter: ObjectFilter,
  revision: bigint,
  after: Key | undefined,
  limit: number | undefined,
  bounded: boolean,
): Promise<KubeObject[]> {
  const params: unknown[] = [];
  const where = [filterToSql(kind, filter, params)];
  if (bounded) {
    params.push(revision);
    where.push(`"resourceVersion" <= $${params.length}`);
  }
  if (after) {
    params.push(after.namespace, after.name);
    where.push(`("namespace", "name") > ($${params.length - 1}, $${params.length})`);
  }
  let sql = `SELECT * FROM "${kind.table}" WHERE ${where.join(' AND ')} ORDER BY "namespace", "name"`;
  if (limit !== undefined) {
    params.push(limit + 1);
    sql += ` LIMIT $${params.length}`;
  }
  const rows = await q<Row>(sql, params);
  return rows.map((row) => readRow(db, kind, row));
}

/** Objects changed or deleted after `revision`, as they were at `revision`. */
async function readChangedSince(q: QueryRows, db: Db, kind: KindInfo, filter: ObjectFilter, revision: bigint, after: Key | undefined): Promise<KubeObject[]> {
  const rows = await q<{ type: string; object: KubeObject }>(
    `SELECT DISTINCT ON (c."uid") c."type", c."object" FROM "change_log" c
      WHERE c."kind" = $1 AND c."revision" <= $2
        AND c."uid" IN (SELECT "uid" FROM "change_log" WHERE "kind" = $1 AND "revision" > $2)
      ORDER BY c."uid", c."revision" DESC`,
    [kind.kind, revision],
  );
  const matches = objectFilter(kind, filter);
  return rows
    .filter((r) => r.type !== 'DELETED' && matches(r.object))
    .map((r) => openObject(kind, r.object, keyringOf(db)))
    .filter((o) => !after || compareKeys(keyOf(o), after) > 0);
}

function mergeByKey(a: KubeObject[], b: KubeObject[], limit: number | undefined): KubeObject[] {
  const merged = [...a, ...b].sort((x, y) => compareKeys(keyOf(x), keyOf(y)));
  return limit === undefined ? merged : merged.slice(0, limit + 1);
}

const keyOf = (o: KubeObject): Key => ({ namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '' });

/** Byte order, as PostgreSQL's "C" collation and the keyset condition use. */
function compareKeys(a: Key, b: Key): number {
  const ns = Buffer.compare(Buffer.from(a.namespace), Buffer.from(b.namespace));
  return ns !== 0 ? ns : Buffer.compare(Buffer.from(a.name), Buffer.from(b.name));
}

async function assertNotCompacted(q: QueryRows, revision: bigint): Promise<void> {
  const [{ value }] = await q<{ value: bigint }>(`SELECT "value" FROM "counters" WHERE "name" = 'compacted'`);
  if (revision < value) {
    throw new ApiError('EXPIRED', 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.');
  }
}
