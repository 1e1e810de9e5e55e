/**
 * One validation failure, shaped like Kubernetes' field.Error (k8s.io/apimachinery
 * pkg/util/validation/field) so API errors read the way kubectl users expect.
 * `message` is the error body without the field path: `${field}: ${message}` gives
 * Kubernetes' full text, e.g.
 * `metadata.name: Invalid value: "Foo": a lowercase RFC 1123 subdomain must ...`.
 * The constructors end in `Error` because the package barrel also exports the
 * API's `invalid(kind, name, errors)`.
 */
export type FieldErrorType = 'Required' | 'Invalid' | 'Forbidden' | 'Duplicate' | 'NotSupported' | 'TooLong' | 'TooMany';

export interface FieldError {
  /** Kubernetes field path: `spec.containers[0].name`, `metadata.labels[app]`. */
  field: string;
  /** Kubernetes' error body: `Invalid value: "Foo": <detail>`. */
  message: string;
  type: FieldErrorType;
}

/** The words Kubernetes prints for each type (field.ErrorType.String()). */
const TYPE_TEXT: Record<FieldErrorType, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  Forbidden: 'Forbidden',
  Duplicate: 'Duplicate value',
  NotSupported: 'Unsupported value',
  TooLong: 'Too long',
  TooMany: 'Too many',
};

/** Renders a bad value as Go's field.Error does: strings quoted, simple types bare, the rest as JSON. */
export function formatBadValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function fieldError(type: FieldErrorType, field: string, detail: string, badValue?: { value: unknown }): FieldError {
  let message = TYPE_TEXT[type];
  if (badValue) message += `: ${formatBadValue(badValue.value)}`;
  if (detail) message += `: ${detail}`;
  return { field, message, type };
}

/** `Required value[: detail]`. */
export function requiredError(field: string, detail = ''): FieldError {
  return fieldError('Required', field, detail);
}

/** `Invalid value: <value>: detail`. */
export function invalidError(field: string, value: unknown, detail: string): FieldError {
  return fieldError('Invalid', field, detail, { value });
}

/** `Forbidden: detail`. */
export function forbiddenError(field: string, detail: string): FieldError {
  return fieldError('Forbidden', field, detail);
}

/** `Duplicate value: <value>[: detail]`. */
export function duplicateError(field: string, value: unknown, detail = ''): FieldError {
  return fieldError('Duplicate', field, detail, { value });
}

/** `Unsupported value: <value>: supported values: "a", "b"`. */
export function notSupportedError(field: string, value: unknown, supported: readonly string[]): FieldError {
  const detail = supported.length > 0 ? `supported values: ${supported.map((v) => JSON.stringify(v)).join(', ')}` : '';
  return fieldError('NotSupported', field, detail, { value });
}

/** `Too long: may not be more than N bytes` (Kubernetes omits the value, which is long by definition). */
export function tooLongError(field: string, maxLength: number): FieldError {
  const detail = maxLength >= 0 ? `may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}` : 'value is too long';
  return fieldError('TooLong', field, detail);
}

/** Kubernetes' one-line text of one error: `field: message`. */
export function fieldErrorToString(error: FieldError): string {
  return error.field ? `${error.field}: ${error.message}` : error.message;
}

/** Kubernetes' aggregate text: the single error, or `[a, b, ...]` for several. */
export function fieldErrorsToString(errors: readonly FieldError[]): string {
  const parts = errors.map(fieldErrorToString);
  return parts.length === 1 ? parts[0]! : `[${parts.join(', ')}]`;
}

/** `Too many: <actual>: must have at most <max> items` (field.TooMany). */
export function tooManyError(field: string, actual: number, max: number): FieldError {
  return fieldError('TooMany', field, `must have at most ${max} items`, { value: actual });
}
