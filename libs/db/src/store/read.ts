import type { KindInfo, KubeObject } from '@wheelhouse/resources';
import type { Db } from '../prisma.js';
import { queryRows } from '../sql.js';
import { rowToObject, type Row } from './row.js';
import { keyringOf } from '../at-rest/attach.js';
import { openObject } from '../at-rest/codec.js';

/** A row as the API's object: encrypted fields opened with the client's keyring. */
export function readRow(db: Db, kind: KindInfo, row: Row): KubeObject {
  return openObject(kind, rowToObject(kind, row), keyringOf(db));
}

export async function getObject(db: Db, kind: KindInfo, namespace: string | undefined, name: string): Promise<KubeObject | null> {
  const rows = await queryRows<Row>(db, `SELECT * FROM "${kind.table}" WHERE "namespace" = $1 AND "name" = $2`, [kind.namespaced ? (namespace ?? 'default') : '', name]);
  return rows[0] ? readRow(db, kind, rows[0]) : null;
}

export async function currentRevision(db: Db): Promise<bigint> {
  const [row] = await queryRows<{ value: bigint }>(db, `SELECT "value" FROM "counters" WHERE "name" = 'revision'`);
  return row!.value;
}

/** Many objects of one kind by namespace/name in one query; absent ones are missing from the map (key `namespace/name`). */
export async function getObjects(db: Db, kind: KindInfo, keys: readonly { namespace?: string; name: string }[]): Promise<Map<string, KubeObject>> {
  const found = new Map<string, KubeObject>();
  if (keys.length === 0) return found;
  const namespaces = keys.map((k) => (kind.namespaced ? (k.namespace ?? 'default') : ''));
  const rows = await queryRows<Row>(db, `SELECT t.* FROM "${kind.table}" t JOIN unnest($1::text[], $2::text[]) AS k("namespace", "name") USING ("namespace", "name")`, [
    namespaces,
    keys.map((k) => k.name),
  ]);
  for (const row of rows) found.set(`${row.namespace as string}/${row.name as string}`, readRow(db, kind, row));
  return found;
}
