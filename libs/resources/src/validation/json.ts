import { invalidError, type FieldError } from '../field-error.js';
import { keyPath } from './field-path.js';
import { NOT_INTEGER_ERROR } from './messages.js';

/**
 * Readers for untrusted JSON. Validators accept `unknown` and must never throw, so
 * every field is read through these: a value of the wrong type is recorded as an
 * error and read as absent. `null` means "unset", as in Kubernetes JSON.
 */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

export function readObject(value: unknown, path: string, errors: FieldError[]): JsonObject | undefined {
  if (isAbsent(value)) return undefined;
  if (isJsonObject(value)) return value;
  errors.push(invalidError(path, value, 'must be an object'));
  return undefined;
}

export function readArray(value: unknown, path: string, errors: FieldError[]): unknown[] | undefined {
  if (isAbsent(value)) return undefined;
  if (Array.isArray(value)) return value;
  errors.push(invalidError(path, value, 'must be an array'));
  return undefined;
}

export function readString(value: unknown, path: string, errors: FieldError[]): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'string') return value;
  errors.push(invalidError(path, value, 'must be a string'));
  return undefined;
}

export function readInteger(value: unknown, path: string, errors: FieldError[]): number | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  errors.push(invalidError(path, value, NOT_INTEGER_ERROR));
  return undefined;
}

export function readBoolean(value: unknown, path: string, errors: FieldError[]): boolean | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'boolean') return value;
  errors.push(invalidError(path, value, 'must be a boolean'));
  return undefined;
}

/** An array of strings; non-string items are reported by index and dropped. */
export function readStringArray(value: unknown, path: string, errors: FieldError[]): string[] | undefined {
  const items = readArray(value, path, errors);
  if (!items) return undefined;
  const out: string[] = [];
  items.forEach((item, i) => {
    const s = readString(item, `${path}[${i}]`, errors);
    if (s !== undefined) out.push(s);
  });
  return out;
}

/** A map of strings (labels, annotations, nodeSelector); non-string values are reported by key and dropped. */
export function readStringMap(value: unknown, path: string, errors: FieldError[]): Record<string, string> | undefined {
  const object = readObject(value, path, errors);
  if (!object) return undefined;
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(object)) {
    const s = readString(item, keyPath(path, key), errors);
    if (s !== undefined) out[key] = s;
  }
  return out;
}

/** Each object of an array with its index; non-objects are reported. */
export function readObjectArray(value: unknown, path: string, errors: FieldError[]): { item: JsonObject; index: number }[] {
  const items = readArray(value, path, errors) ?? [];
  const out: { item: JsonObject; index: number }[] = [];
  items.forEach((item, index) => {
    const object = readObject(item, `${path}[${index}]`, errors);
    if (object) out.push({ item: object, index });
    else if (isAbsent(item)) errors.push(invalidError(`${path}[${index}]`, item, 'must be an object'));
  });
  return out;
}
