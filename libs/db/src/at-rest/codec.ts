import type { KindInfo, KubeObject } from '@wheelhouse/resources';
import { isSealed, open, seal } from './envelope.js';
import type { Keyring } from './keyring.js';

/** kubectl's copy of the applied manifest repeats a Secret's data, so it is sealed with it. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Where the object lives, as etcd's key would name it: the envelope's authenticated data. */
const storagePath = (kind: KindInfo, object: KubeObject, field: string) => `/registry/${kind.resource}/${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}#${field}`;

/**
 * The object as stored: its kind's encrypted fields (and the last-applied annotation)
 * become envelopes under the keyring's primary key. Kinds without encrypted fields
 * pass through. Without a keyring it refuses rather than store plaintext.
 */
export function sealObject(kind: KindInfo, object: KubeObject, keyring: Keyring | undefined): KubeObject {
  const fields = kind.encryptedFields;
  if (!fields?.length) return object;
  if (!keyring) throw new Error(`refusing to store a ${kind.kind} without encryption at rest: no keyring for this database client`);
  const key = keyring.primary();
  const out: KubeObject = { ...object };
  for (const field of fields) {
    if (out[field] !== undefined) out[field] = seal(Buffer.from(JSON.stringify(out[field])), key, storagePath(kind, object, field));
  }
  const annotations = object.metadata.annotations;
  const lastApplied = annotations?.[LAST_APPLIED];
  if (lastApplied !== undefined) {
    out.metadata = { ...object.metadata, annotations: { ...annotations, [LAST_APPLIED]: seal(Buffer.from(lastApplied), key, storagePath(kind, object, LAST_APPLIED)) } };
  }
  return out;
}

/** The object as stored back to plaintext. Fields written before encryption (plain JSON) are read as they are. */
export function openObject(kind: KindInfo, stored: KubeObject, keyring: Keyring | undefined): KubeObject {
  const fields = kind.encryptedFields;
  if (!fields?.length) return stored;
  const keyFor = (name: string) => {
    if (!keyring) throw new Error(`cannot read a stored ${kind.kind}: no keyring for this database client`);
    return keyring.key(name);
  };
  const out: KubeObject = { ...stored };
  for (const field of fields) {
    const value = out[field];
    if (isSealed(value)) out[field] = JSON.parse(open(value, keyFor, storagePath(kind, stored, field)).toString('utf8'));
  }
  const lastApplied = stored.metadata.annotations?.[LAST_APPLIED];
  if (isSealed(lastApplied)) {
    const plain = open(lastApplied, keyFor, storagePath(kind, stored, LAST_APPLIED)).toString('utf8');
    out.metadata = { ...stored.metadata, annotations: { ...stored.metadata.annotations, [LAST_APPLIED]: plain } };
  }
  return out;
}

/** Names of the keys the stored object's envelopes were sealed with (rotation finds what is left to re-encrypt). */
export function sealedWith(kind: KindInfo, stored: KubeObject): string[] {
  const values = [...(kind.encryptedFields ?? []).map((f) => stored[f]), stored.metadata.annotations?.[LAST_APPLIED]];
  return values.filter(isSealed).map((v) => v.slice('k8s:enc:aesgcm:v1:'.length).split(':')[0]!);
}
