import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * The AES-256-GCM envelope of Kubernetes' EncryptionConfiguration `aesgcm` provider:
 * `k8s:enc:aesgcm:v1:<keyName>:` then nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes),
 * base64 here because it is stored inside JSON. The additional authenticated data is
 * the object's storage path (as etcd's key is upstream), so ciphertext copied onto
 * another object does not open.
 */
export const ENVELOPE_PREFIX = 'k8s:enc:aesgcm:v1:';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export interface DataKey {
  name: string;
  secret: Buffer;
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(ENVELOPE_PREFIX);
}

/** The key name an envelope was sealed with. */
export function envelopeKeyName(envelope: string): string {
  const rest = envelope.slice(ENVELOPE_PREFIX.length);
  return rest.slice(0, rest.indexOf(':'));
}

export function seal(plaintext: Buffer, key: DataKey, aad: string): string {
  // A random 96-bit nonce per write; at 2^32 writes per key the collision odds stay below 2^-32 (NIST SP 800-38D), and rotation resets the count.
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.secret, nonce);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `${ENVELOPE_PREFIX}${key.name}:${Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64')}`;
}

/** Throws when the key is unknown, or the envelope was tampered with or moved. */
export function open(envelope: string, keyFor: (name: string) => DataKey | undefined, aad: string): Buffer {
  const name = envelopeKeyName(envelope);
  const key = keyFor(name);
  if (!key) throw new Error(`no encryption key named "${name}" (WHEELHOUSE_ENCRYPTION_KEYS or <data dir>/encryption-keys)`);
  const raw = Buffer.from(envelope.slice(ENVELOPE_PREFIX.length + name.length + 1), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key.secret, raw.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
}
