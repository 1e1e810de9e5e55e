import { forbiddenError, invalidError, type FieldError } from '../field-error.js';
import { decodeBase64 } from './base64.js';
import { validateDataKeys, validateTotalSize } from './config-data.js';
import { IMMUTABLE_WHEN_SET } from './config-map.js';
import { keyPath } from './field-path.js';
import { jsonEqual } from './json-diff.js';
import { isJsonObject, readBoolean, readObject, readString, type JsonObject } from './json.js';
import { IMMUTABLE_ERROR } from './messages.js';
import { REDACTED, SECRET_TYPES, validateSecretType } from './secret-types.js';

/**
 * ValidateSecret, after `stringData` was merged into `data` (defaults/secret.ts): key
 * names, base64 values (a bad one names the key, never echoes the value), 1 MiB, and
 * the keys each built-in type requires.
 */
export function validateSecret(secret: unknown): FieldError[] {
  const s: JsonObject = isJsonObject(secret) ? secret : {};
  const errors: FieldError[] = [];
  readBoolean(s.immutable, 'immutable', errors);
  const type = readString(s.type, 'type', errors) ?? SECRET_TYPES.opaque;
  // Defaulting merged an object stringData into data; what is left is not an object.
  readObject(s.stringData, 'stringData', errors);
  const data = readObject(s.data, 'data', errors) ?? {};
  errors.push(...validateDataKeys(Object.keys(data), 'data'));
  const decoded = new Map<string, Buffer>();
  let total = 0;
  for (const [key, value] of Object.entries(data)) {
    const text = readString(value, keyPath('data', key), errors);
    if (text === undefined) continue;
    const bytes = decodeBase64(text);
    if ('error' in bytes) {
      errors.push(invalidError(keyPath('data', key), REDACTED, bytes.error));
      continue;
    }
    decoded.set(key, bytes.bytes);
    total += bytes.bytes.length;
  }
  errors.push(...validateTotalSize(total, 'data'));
  const meta = isJsonObject(s.metadata) ? s.metadata : {};
  errors.push(...validateSecretType(type, decoded, isJsonObject(meta.annotations) ? meta.annotations : {}));
  return errors;
}

/** ValidateSecretUpdate: `type` never changes; an immutable Secret stays so and keeps its data. */
export function validateSecretUpdate(next: unknown, prev: unknown): FieldError[] {
  const n: JsonObject = isJsonObject(next) ? next : {};
  const p: JsonObject = isJsonObject(prev) ? prev : {};
  const errors: FieldError[] = [];
  if ((n.type ?? '') !== (p.type ?? '')) errors.push(invalidError('type', n.type ?? '', IMMUTABLE_ERROR));
  if (p.immutable === true) {
    if (n.immutable !== true) errors.push(forbiddenError('immutable', IMMUTABLE_WHEN_SET));
    if (!jsonEqual(n.data ?? {}, p.data ?? {})) errors.push(forbiddenError('data', IMMUTABLE_WHEN_SET));
  }
  return errors;
}
