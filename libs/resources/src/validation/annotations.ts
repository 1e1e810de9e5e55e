import { invalidError, tooLongError, type FieldError } from '../field-error.js';
import { readStringMap } from './json.js';
import { isQualifiedName } from './names.js';

/** Kubernetes caps all annotations of an object together: 256 KiB of keys plus values. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

export function validateAnnotations(annotations: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const map = readStringMap(annotations, path, errors) ?? {};
  let totalBytes = 0;
  for (const [key, value] of Object.entries(map)) {
    // Annotation keys follow the qualified-name rule except that case does not matter.
    errors.push(...isQualifiedName(key.toLowerCase()).map((msg) => invalidError(path, key, msg)));
    totalBytes += utf8Length(key) + utf8Length(value);
  }
  if (totalBytes > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) errors.push(tooLongError(path, TOTAL_ANNOTATION_SIZE_LIMIT_BYTES));
  return errors;
}

/** Bytes of a string in UTF-8, which is what Kubernetes' limit counts. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
