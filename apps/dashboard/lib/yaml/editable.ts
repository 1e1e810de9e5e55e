import { withoutNulls } from './render.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Fields the server owns: shown by `kubectl get -o yaml`, noise when editing for apply. */
const SERVER_METADATA = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds'];

/**
 * The object as a manifest to edit and apply again: no status, no server-set metadata,
 * no last-applied annotation (apply writes it), and in Kubernetes' key order.
 */
export function editableManifest(object: Record<string, unknown>): Record<string, unknown> {
  const { apiVersion, kind, metadata, status: _status, ...rest } = withoutNulls(object) as Record<string, unknown>;
  const meta = { ...((metadata ?? {}) as Record<string, unknown>) };
  for (const key of SERVER_METADATA) delete meta[key];
  const annotations = { ...((meta.annotations ?? {}) as Record<string, string>) };
  delete annotations[LAST_APPLIED];
  if (Object.keys(annotations).length) meta.annotations = annotations;
  else delete meta.annotations;
  for (const key of ['labels', 'ownerReferences', 'finalizers'] as const) {
    const v = meta[key];
    if (v && typeof v === 'object' && Object.keys(v).length === 0) delete meta[key];
  }
  return { apiVersion, kind, metadata: meta, ...rest };
}
