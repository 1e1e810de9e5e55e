import { bodyOf, type KindInfo, type KubeObject } from '@wheelhouse/resources';

export interface Row {
  [column: string]: unknown;
}

/** Columns the first write sets and no update changes. */
export const IMMUTABLE_COLUMNS = ['uid', 'namespace', 'name', 'creationTimestamp'];

/** Column name → JSON value, as `jsonb_populate_record` reads it (see wh_commit). */
export function objectToRow(kind: KindInfo, object: KubeObject): Record<string, unknown> {
  const m = object.metadata;
  return {
    uid: m.uid,
    namespace: m.namespace ?? '',
    name: m.name,
    labels: m.labels ?? {},
    annotations: m.annotations ?? {},
    generation: m.generation ?? 1,
    ownerReferences: m.ownerReferences ?? [],
    finalizers: m.finalizers ?? [],
    creationTimestamp: m.creationTimestamp,
    deletionTimestamp: m.deletionTimestamp ?? null,
    deletionGracePeriodSeconds: m.deletionGracePeriodSeconds ?? null,
    spec: bodyOf(object, kind.bodyKey),
    status: object.status ?? {},
    ...kind.columns(object),
  };
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
      ...(row.deletionGracePeriodSeconds !== null && row.deletionGracePeriodSeconds !== undefined ? { deletionGracePeriodSeconds: Number(row.deletionGracePeriodSeconds) } : {}),
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
