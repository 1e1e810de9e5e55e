import postgres from 'postgres';
import { alreadyExists, ApiError, conflict, notFound, type KindInfo, type KubeObject } from '@wheelhouse/resources';
import type { Db } from '../prisma.js';
import { queryRows, sqlOf } from '../sql.js';
import { GroupCommitError, GroupCommitter } from './group-commit.js';
import type { WritePlan } from '../plan/write-plan.js';
import { IMMUTABLE_COLUMNS, objectToRow } from './row.js';
import { selectableSnapshot } from './selectable.js';
import { keyringOf } from '../at-rest/attach.js';
import { sealObject } from '../at-rest/codec.js';
import type { Keyring } from '../at-rest/keyring.js';

export interface PlannedWrite {
  kind: KindInfo;
  plan: WritePlan;
  /** The object as it was before this write, for the change log's `prev`. */
  previous?: KubeObject;
}

/** Thrown when a compare-and-swap lost a race; callers without a user precondition retry. */
export class StaleWriteError extends ApiError {
  constructor(
    readonly kind: string,
    readonly objectName: string,
  ) {
    super('CONFLICT', conflict(kind, objectName).message);
  }
}

/** A value a write holds (a Service's ClusterIP or NodePort) belongs to another object (wh_service_allocations, WH422). */
export class AllocationTakenError extends Error {
  constructor(
    readonly valueKind: 'ip' | 'port',
    readonly value: string,
  ) {
    super(`${valueKind} ${value} is already allocated`);
  }
}

export const CHANGE_CHANNEL = 'wheelhouse_changes';

/** One group committer per client with a postgres.js pool (all its writers share it). */
const committers = new WeakMap<Db, GroupCommitter>();

function committerOf(db: Db): GroupCommitter | undefined {
  let committer = committers.get(db);
  if (!committer) {
    const sql = sqlOf(db);
    if (!sql) return undefined;
    committer = new GroupCommitter(sql);
    committers.set(db, committer);
  }
  return committer;
}

/**
 * The one write path: every effective write of the batch goes to the database function
 * `wh_commit` (prisma/migrations/*_commit_function) in one statement — namespace
 * checks, N revisions from the counter row, compare-and-swap row writes, change log,
 * NOTIFY — all or nothing. Returns the objects as written (with their resourceVersion).
 * Concurrent calls on one client share a transaction (group-commit.ts), each all or
 * nothing on its own; a transaction's client (no postgres.js pool) commits alone.
 */
export async function commitWrites(db: Db, writes: PlannedWrite[], actor: string | null): Promise<KubeObject[]> {
  const effective = writes.filter((w) => w.plan.type !== 'unchanged');
  if (effective.length === 0) return writes.map((w) => w.plan.object);
  let last: bigint;
  try {
    const entries = effective.map((w) => toCommitEntry(w, keyringOf(db)));
    const committer = committerOf(db);
    if (committer) last = await committer.commit(entries, actor);
    else {
      const [row] = await queryRows<{ last: bigint }>(db, `SELECT wh_commit($1::jsonb, $2) AS "last"`, [JSON.stringify(entries), actor]);
      last = BigInt(row!.last);
    }
  } catch (error) {
    throw translate(error, effective);
  }
  const first = last - BigInt(effective.length) + 1n;
  const written = new Map(effective.map((w, i) => [w, withResourceVersion(w.plan.object, first + BigInt(i))]));
  return writes.map((w) => written.get(w) ?? w.plan.object);
}

/** Row and change-log entry hold the object as stored: encrypted fields sealed (at-rest/codec.ts). */
function toCommitEntry(write: PlannedWrite, keyring: Keyring | undefined) {
  const { kind, plan } = write;
  const object = sealObject(kind, plan.object, keyring);
  const row = objectToRow(kind, object);
  return {
    table: kind.table,
    op: plan.type,
    uid: object.metadata.uid,
    expected: plan.type === 'update' || plan.type === 'delete' ? plan.expectedResourceVersion : null,
    row,
    columns: Object.keys(row).filter((c) => !IMMUTABLE_COLUMNS.includes(c)),
    requireNamespace: plan.type === 'create' && kind.namespaced ? object.metadata.namespace : null,
    log: {
      kind: kind.kind,
      namespace: object.metadata.namespace ?? '',
      name: object.metadata.name,
      type: plan.type === 'create' ? 'ADDED' : plan.type === 'delete' ? 'DELETED' : 'MODIFIED',
      object,
      prev: write.previous ? selectableSnapshot(kind, write.previous) : null,
    },
  };
}

function withResourceVersion(object: KubeObject, revision: bigint): KubeObject {
  return { ...object, metadata: { ...object.metadata, resourceVersion: String(revision) } };
}

/** wh_commit's SQLSTATEs back to API errors; `name` is the object the database named. */
function translate(error: unknown, writes: PlannedWrite[]): unknown {
  const { code, message } = sqlState(error);
  const write = writes.find((w) => w.plan.object.metadata.name === message || w.plan.object.metadata.namespace === message) ?? writes[0]!;
  const kind = write.kind.kind;
  switch (code) {
    case 'WH404':
      return notFound('Namespace', message);
    case 'WH403':
      return new ApiError('FORBIDDEN', `unable to create new content in namespace ${message} because it is being terminated`);
    case 'WH409':
      return alreadyExists(kind, message);
    case 'WH412':
      return new StaleWriteError(kind, message);
    case 'WH422': {
      const [valueKind, value] = message.split(' ');
      return new AllocationTakenError(valueKind === 'ip' ? 'ip' : 'port', value ?? '');
    }
    default:
      return error;
  }
}

/** postgres.js gives the SQLSTATE and message as they are; Prisma wraps the driver's error, with them in its metadata or text. */
function sqlState(error: unknown): { code?: string; message: string } {
  if (error instanceof postgres.PostgresError || error instanceof GroupCommitError) return { code: error.code, message: error.message };
  const e = error as { meta?: { code?: string; message?: string; driverAdapterError?: { cause?: { originalCode?: string; originalMessage?: string } } }; message?: string };
  const cause = e.meta?.driverAdapterError?.cause;
  const code = cause?.originalCode ?? e.meta?.code ?? /\b(WH\d{3})\b/.exec(e.message ?? '')?.[1];
  const message = cause?.originalMessage ?? e.meta?.message ?? '';
  return { code, message: message.replace(/^ERROR:\s*/, '') };
}
