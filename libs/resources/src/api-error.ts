import type { ApiErrorCode } from '@wheelhouse/model';

export type { ApiErrorCode };

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** For BAD_USER_INPUT: the field path, e.g. `spec.containers[0].name`. */
    readonly field?: string,
    /** Every field error when there were several. */
    readonly causes?: { field: string; message: string }[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** GraphQL copies an original error's `extensions` into the response error. */
  get extensions(): Record<string, unknown> {
    return { code: this.code, ...(this.field ? { field: this.field } : {}), ...(this.causes && this.causes.length > 1 ? { causes: this.causes } : {}) };
  }
}

export const notFound = (kind: string, name: string) => new ApiError('NOT_FOUND', `${kind.toLowerCase()}s "${name}" not found`);
export const alreadyExists = (kind: string, name: string) => new ApiError('ALREADY_EXISTS', `${kind.toLowerCase()}s "${name}" already exists`);
export const conflict = (kind: string, name: string) =>
  new ApiError(
    'CONFLICT',
    `Operation cannot be fulfilled on ${kind.toLowerCase()}s "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  );

/** One BAD_USER_INPUT error for a list of field errors, named by the first. */
export function invalid(kind: string, name: string | undefined, errors: { field: string; message: string }[]): ApiError {
  const first = errors[0]!;
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join(', ');
  return new ApiError('BAD_USER_INPUT', `${kind} "${name ?? ''}" is invalid: ${detail}`, first.field, errors);
}
