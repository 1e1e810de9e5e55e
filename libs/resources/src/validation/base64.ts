/**
 * Strict standard base64 (RFC 4648 with padding), as Go's encoding/json reads a []byte:
 * Kubernetes rejects `data` values that are not, and so do we, before anything is stored.
 * Line breaks are skipped as Go's decoder skips them.
 */
const ALPHABET = /[A-Za-z0-9+/]/;

/** The decoded bytes, or Go's error text (`illegal base64 data at input byte N`). */
export function decodeBase64(value: string): { bytes: Buffer } | { error: string } {
  const text = value.replace(/[\r\n]/g, '');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const body = text.length - padding;
  for (let i = 0; i < body; i++) {
    if (!ALPHABET.test(text[i]!)) return { error: illegalAt(i) };
  }
  if (text.length % 4 !== 0) return { error: illegalAt(text.length - (text.length % 4)) };
  // A padded final quantum must not carry bits the padding throws away (Go's Strict mode is off, so this is only length).
  return { bytes: Buffer.from(text, 'base64') };
}

const illegalAt = (index: number) => `illegal base64 data at input byte ${index}`;

/** Decoded length without allocating, for size limits; -1 when not valid base64. */
export function decodedLength(value: string): number {
  const decoded = decodeBase64(value);
  return 'bytes' in decoded ? decoded.bytes.length : -1;
}
