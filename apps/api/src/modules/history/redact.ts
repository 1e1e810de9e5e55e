import type { KindInfo, KubeObject } from '@wheelhouse/resources';

export const REDACTED = '<redacted>';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * History is for seeing what changed, not for reading values: a Secret's revisions
 * keep their keys (so a changed key still shows) but never their values, nor the
 * last-applied copy of the manifest that repeats them.
 */
export function redactEncryptedFields(kind: KindInfo, object: KubeObject): KubeObject {
  const fields = kind.encryptedFields;
  if (!fields?.length) return object;
  const out: KubeObject = { ...object };
  for (const field of fields) {
    const value = out[field];
    if (value && typeof value === 'object' && !Array.isArray(value)) out[field] = Object.fromEntries(Object.keys(value).map((k) => [k, REDACTED]));
    else if (value !== undefined) out[field] = REDACTED;
  }
  const annotations = object.metadata.annotations;
  if (annotations?.[LAST_APPLIED] !== undefined) out.metadata = { ...object.metadata, annotations: { ...annotations, [LAST_APPLIED]: REDACTED } };
  return out;
}
