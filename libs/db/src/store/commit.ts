import { alreadyExists, ApiError, notFound, type KindInfo, type KubeObject } from '@wheelhouse/resources';
import type { Db } from '../prisma.js';
import type { WritePlan } from '../plan/write-plan.js';
import { castFor, objectToColumns } from './row.js';
import { selectableSnapshot } from './selectable.js';

export interface PlannedWrite {
  kind: KindInfo;
  plan: WritePlan;
  /** The object as it was before this write, for the change log's `prev`. */
  previous?: KubeObject;
}

/** Thrown when a compare-and-swap lost a race; callers without a user precondition retry. */
export class StaleWriteError extends ApiError {
  constructor(kind: string, name: string) {
    super('CONFLICT', `Operation cannot be fulfilled on ${kind.toLowerCase()}s "${name}": the object has been modified; please apply your changes to the latest version and try again`);
  }
}

export const CHANGE_CHANNEL = 'wheelhouse_changes';

/**
 * The one write path. In one transaction: take N revisions from the counter row (its
 * row lock serialises writers until commit, so revisions become visible in order and a
 * rollback leaves no gap), write each row with compare-and-swap on resourceVersion,
 * append the change log and NOTIFY the API processes. Returns the written objects.
 */
export async function commitWrites(db: Db, writes: PlannedWrite[], actor: string | null): Promise<KubeObject[]> {
  const effective = writes.filter((w) => w.plan.type !== 'unchanged');
  if (effective.length === 0) return writes.map((w) => w.plan.object);

  const written = await db.$transaction(async (tx) => {
    const [{ value }] = await tx.$queryRawUnsafe<{ value: bigint }[]>(
      `UPDATE "counters" SET "value" = "value" + $1 WHERE "name" = 'revision' RETURNING "value"`,
      effective.length,
    );
    const first = value - BigInt(effective.length) + 1n;
    const log: unknown[] = [];
    const objects = new Map<PlannedWrite, KubeObject>();
    for (const [i, write] of effective.entries()) {
      const revision = first + BigInt(i);
      const object = withResourceVersion(write.plan.object, revision);
      await writeRow(tx as unknown as Db, write, object);
      objects.set(write, object);
      log.push(logEntry(write, object, revision, actor));
    }
    await tx.$executeRawUnsafe(
      `WITH l AS (
         INSERT INTO "change_log" ("revision", "kind", "namespace", "name", "uid", "type", "object", "prev", "actor")
         SELECT * FROM jsonb_to_recordset($1::jsonb)
           AS x("revision" bigint, "kind" text, "namespace" text, "name" text, "uid" uuid, "type" text, "object" jsonb, "prev" jsonb, "actor" text)
         RETURNING "revision")
       SELECT pg_notify('${CHANGE_CHANNEL}', max("revision")::text) FROM l`,
      JSON.stringify(log),
    );
    return objects;
  });
  return writes.map((w) => written.get(w) ?? w.plan.object);
}

function withResourceVersion(object: KubeObject, revision: bigint): KubeObject {
  return { ...object, metadata: { ...object.metadata, resourceVersion: String(revision) } };
}

async function writeRow(tx: Db, write: PlannedWrite, object: KubeObject): Promise<void> {
  const { kind, plan } = write;
  const name = object.metadata.name ?? '';
  const table = `"${kind.table}"`;
  if (plan.type === 'create') {
    const columns = objectToColumns(kind, object);
    const names = Object.keys(columns);
    const sql = `INSERT INTO ${table} (${names.map((c) => `"${c}"`).join(', ')})
      VALUES (${names.map((c, i) => `$${i + 1}${castFor(c)}`).join(', ')})
      ON CONFLICT ("namespace", "name") DO NOTHING RETURNING "uid"`;
    const rows = await tx.$queryRawUnsafe<unknown[]>(sql, ...Object.values(columns));
    if (rows.length === 0) throw alreadyExists(kind.kind, name);
    return;
  }
  if (plan.type === 'unchanged') return;
  const expected = BigInt(plan.expectedResourceVersion);
  if (plan.type === 'update') {
    const { uid: _u, namespace: _n, name: _name, creationTimestamp: _c, ...columns } = objectToColumns(kind, object);
    const names = Object.keys(columns);
    const sql = `UPDATE ${table} SET ${names.map((c, i) => `"${c}" = $${i + 3}${castFor(c)}`).join(', ')}
      WHERE "uid" = $1::uuid AND "resourceVersion" = $2 RETURNING "uid"`;
    const rows = await tx.$queryRawUnsafe<unknown[]>(sql, object.metadata.uid, expected, ...Object.values(columns));
    if (rows.length === 0) throw new StaleWriteError(kind.kind, name);
    return;
  }
  if (plan.type === 'delete') {
    const rows = await tx.$queryRawUnsafe<unknown[]>(
      `DELETE FROM ${table} WHERE "uid" = $1::uuid AND "resourceVersion" = $2 RETURNING "uid"`,
      object.metadata.uid,
      expected,
    );
    if (rows.length === 0) throw new StaleWriteError(kind.kind, name);
  }
}

function logEntry(write: PlannedWrite, object: KubeObject, revision: bigint, actor: string | null) {
  const type = write.plan.type === 'create' ? 'ADDED' : write.plan.type === 'delete' ? 'DELETED' : 'MODIFIED';
  return {
    revision: String(revision),
    kind: write.kind.kind,
    namespace: object.metadata.namespace ?? '',
    name: object.metadata.name,
    uid: object.metadata.uid,
    type,
    object,
    prev: write.previous ? selectableSnapshot(write.kind, write.previous) : null,
    actor,
  };
}

/** Namespaced objects need an existing namespace that is not terminating. */
export async function assertNamespaceOpen(db: Db, namespace: string): Promise<void> {
  const rows = await db.$queryRawUnsafe<{ deletionTimestamp: Date | null }[]>(
    `SELECT "deletionTimestamp" FROM "namespaces" WHERE "namespace" = '' AND "name" = $1`,
    namespace,
  );
  if (rows.length === 0) throw notFound('Namespace', namespace);
  if (rows[0]!.deletionTimestamp) {
    throw new ApiError('FORBIDDEN', `unable to create new content in namespace ${namespace} because it is being terminated`);
  }
}
