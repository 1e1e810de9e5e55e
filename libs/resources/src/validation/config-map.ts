import { forbiddenError, invalidError, type FieldError } from '../field-error.js';
import { decodeBase64 } from './base64.js';
import { validateDataKeys, validateTotalSize } from './config-data.js';
import { keyPath } from './field-path.js';
import { isJsonObject, readBoolean, readObject, readString, type JsonObject } from './json.js';
import { jsonEqual } from './json-diff.js';

export const IMMUTABLE_WHEN_SET = 'field is immutable when `immutable` is set';

/** ValidateConfigMap: key names, no key in both `data` and `binaryData`, base64 `binaryData`, 1 MiB in all. */
export function validateConfigMap(configMap: unknown): FieldError[] {
  const c: JsonObject = isJsonObject(configMap) ? configMap : {};
  const errors: FieldError[] = [];
  readBoolean(c.immutable, 'immutable', errors);
  const data = readObject(c.data, 'data', errors) ?? {};
  const binary = readObject(c.binaryData, 'binaryData', errors) ?? {};
  let total = 0;
  errors.push(...validateDataKeys(Object.keys(data), 'data'));
  for (const [key, value] of Object.entries(data)) {
    if (key in binary) errors.push(invalidError(keyPath('data', key), key, 'duplicate of key present in binaryData'));
    const text = readString(value, keyPath('data', key), errors);
    if (text !== undefined) total += Buffer.byteLength(text, 'utf8');
  }
  errors.push(...validateDataKeys(Object.keys(binary), 'binaryData'));
  for (const [key, value] of Object.entries(binary)) {
    const text = readString(value, keyPath('binaryData', key), errors);
    if (text === undefined) continue;
    const decoded = decodeBase64(text);
    if ('error' in decoded) errors.push(invalidError(keyPath('binaryData', key), '<binary data>', decoded.error));
    else total += decoded.bytes.length;
  }
  errors.push(...validateTotalSize(total, ''));
  return errors;
}

/** ValidateConfigMapUpdate: an immutable ConfigMap stays immutable and keeps its data. */
export function validateConfigMapUpdate(next: unknown, prev: unknown): FieldError[] {
  const n: JsonObject = isJsonObject(next) ? next : {};
  const p: JsonObject = isJsonObject(prev) ? prev : {};
  if (p.immutable !== true) return [];
  const errors: FieldError[] = [];
  if (n.immutable !== true) errors.push(forbiddenError('immutable', IMMUTABLE_WHEN_SET));
  if (!jsonEqual(n.data ?? {}, p.data ?? {})) errors.push(forbiddenError('data', IMMUTABLE_WHEN_SET));
  if (!jsonEqual(n.binaryData ?? {}, p.binaryData ?? {})) errors.push(forbiddenError('binaryData', IMMUTABLE_WHEN_SET));
  return errors;
}
