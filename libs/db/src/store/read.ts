import type { KindInfo, KubeObject } from '@wheelhouse/resources';
import type { Db } from '../prisma.js';
import { rowToObject, type Row } from './row.js';

export async function getObject(db: Db, kind: KindInfo, namespace: string | undefined, name: string): Promise<KubeObject | null> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT * FROM "${kind.table}" WHERE "namespace" = $1 AND "name" = $2`,
    kind.namespaced ? (namespace ?? 'default') : '',
    name,
  );
  return rows[0] ? rowToObject(kind, rows[0]) : null;
}

export async function currentRevision(db: Db): Promise<bigint> {
  const [row] = await db.$queryRawUnsafe<{ value: bigint }[]>(`SELECT "value" FROM "counters" WHERE "name" = 'revision'`);
  return row!.value;
}
