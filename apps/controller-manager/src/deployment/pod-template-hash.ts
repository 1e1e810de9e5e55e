// controller.ComputeHash: the pod-template-hash that names a Deployment's ReplicaSets
// (`<deployment>-<hash>`) and labels their pods.
import type { PodTemplateSpec } from '@wheelhouse/model';
import { POD_TEMPLATE_HASH_LABEL } from './annotations.js';
import { canonicalJson, semanticNormalize } from './semantic-json.js';

// rand.SafeEncodeString's alphabet: no vowels (no accidental words), no 0/1/3 (no confusion).
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * FNV-32a over the template's canonical JSON (Kubernetes hashes Go's printed struct, which
 * we cannot reproduce, so values differ from a real cluster's but are just as stable),
 * then the collision count as 8 little-endian bytes when set, then the decimal digits of
 * the hash mapped onto the safe alphabet.
 */
export function podTemplateHash(template: PodTemplateSpec, collisionCount?: number | null): string {
  let bytes: Uint8Array = new TextEncoder().encode(canonicalJson(template));
  if (collisionCount !== undefined && collisionCount !== null) {
    const suffix = new Uint8Array(8);
    new DataView(suffix.buffer).setUint32(0, collisionCount >>> 0, true);
    bytes = concat(bytes, suffix);
  }
  return safeEncodeString(String(fnv32a(bytes)));
}

/** Whether two templates are semantically equal once their pod-template-hash labels are ignored. */
export function equalIgnoreHash(t1: PodTemplateSpec | undefined, t2: PodTemplateSpec | undefined): boolean {
  return canonicalJson(withoutHashLabel(t1)) === canonicalJson(withoutHashLabel(t2));
}

/** The 32-bit FNV-1a hash of `bytes`, unsigned. */
export function fnv32a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Each character mapped to SAFE_ALPHABET[code % 27] (rand.SafeEncodeString). */
export function safeEncodeString(text: string): string {
  return [...text].map((ch) => SAFE_ALPHABET[ch.codePointAt(0)! % SAFE_ALPHABET.length]).join('');
}

function withoutHashLabel(template: PodTemplateSpec | undefined): unknown {
  const normalized = (semanticNormalize(template ?? {}) ?? {}) as PodTemplateSpec;
  const labels = normalized.metadata?.labels;
  if (!labels || !(POD_TEMPLATE_HASH_LABEL in labels)) return normalized;
  const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...rest } = labels;
  return { ...normalized, metadata: { ...normalized.metadata, labels: rest } };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
