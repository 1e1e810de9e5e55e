import { bodyOf, type KindInfo, type KubeObject } from '@wheelhouse/resources';

/** The common columns every kind's table has, in a fixed order. */
export const COMMON_COLUMNS = [
  'uid',
  'namespace',
  'name',
  'labels',
  'annotations',
  'resourceVersion',
  'generation',
  'ownerReferences',
  'finalizers',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'spec',
  'status',
] as const;

const SQL_CAST: Record<string, string> = {
  uid: '::uuid',
  labels: '::jsonb',
  annotations: '::jsonb',
  ownerReferences: '::jsonb',
  spec: '::jsonb',
  status: '::jsonb',
  finalizers: '::text[]',
  resourceVersion: '::bigint',
  generation: '::bigint',
  creationTimestamp: '::timestamptz',
  deletionTimestamp: '::timestamptz',
  deletionGracePeriodSeconds: '::int',
};

export interface Row {
  [column: string]: unknown;
}

/** Column name → SQL parameter value (JSON as text, so the casts above apply). */
export function objectToColumns(kind: KindInfo, object: KubeObject): Record<string, unknown> {
  const m = object.metadata;
  return {
    uid: m.uid,
    namespace: m.namespace ?? '',
    name: m.name,
    labels: JSON.stringify(m.labels ?? {}),
    annotations: JSON.stringify(m.annotations ?? {}),
    resourceVersion: m.resourceVersion,
    generation: m.generation ?? 1,
    ownerReferences: JSON.stringify(m.ownerReferences ?? []),
    finalizers: m.finalizers ?? [],
    creationTimestamp: m.creationTimestamp,
    deletionTimestamp: m.deletionTimestamp ?? null,
    deletionGracePeriodSeconds: m.deletionGracePeriodSeconds ?? null,
    spec: JSON.stringify(bodyOf(object, kind.bodyKey)),
    status: JSON.stringify(object.status ?? {}),
    ...kind.columns(object),
  };
}

export function castFor(column: string): string {
  return SQL_CAST[column] ?? '';
}

/** A table row back to the Kubernetes JSON shape. */
export function rowToObject(kind: KindInfo, row: Row): KubeObject {
  const body = (row.spec ?? {}) as Record<string, unknown>;
  const deletion = row.deletionTimestamp as Date | null;
  return {
    apiVersion: kind.apiVersion,
    kind: kind.kind,
    metadata: {
      name: row.name as string,
      ...(kind.namespaced ? { namespace: row.namespace as string } : {}),
      uid: row.uid as string,
      resourceVersion: String(row.resourceVersion),
      generation: Number(row.generation),
      labels: (row.labels ?? {}) as Record<string, string>,
      annotations: (row.annotations ?? {}) as Record<string, string>,
      creationTimestamp: toTimestamp(row.creationTimestamp as Date),
      ...(deletion ? { deletionTimestamp: toTimestamp(deletion) } : {}),
      ...(row.deletionGracePeriodSeconds !== null && row.deletionGracePeriodSeconds !== undefined
        ? { deletionGracePeriodSeconds: Number(row.deletionGracePeriodSeconds) }
        : {}),
      ownerReferences: (row.ownerReferences ?? []) as KubeObject['metadata']['ownerReferences'],
      finalizers: (row.finalizers ?? []) as string[],
    },
    ...(kind.bodyKey ? { [kind.bodyKey]: body } : body),
    ...(kind.hasStatus ? { status: (row.status ?? {}) as Record<string, unknown> } : {}),
  };
}

function toTimestamp(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  return date.toISOString().replace('.000Z', 'Z');
}
