import { invalidError, type FieldError } from '../field-error.js';
import { formatQuantity, parseQuantity, QUANTITY_FORMAT_ERROR, type Quantity } from '../quantity/index.js';
import { NEGATIVE_ERROR, NOT_INTEGER_ERROR } from './messages.js';
import { isIntegerResourceName } from './resource-names.js';

/**
 * One quantity of a resource list: valid syntax, not negative, whole for integer
 * resources. Returns the parsed quantity (when valid) so callers can compare.
 */
export function validateResourceQuantity(resource: string, raw: unknown, path: string): { errors: FieldError[]; quantity?: Quantity } {
  const quantity = typeof raw === 'string' || typeof raw === 'number' ? parseQuantity(raw) : null;
  if (!quantity) return { errors: [invalidError(path, raw, QUANTITY_FORMAT_ERROR)] };
  const errors: FieldError[] = [];
  if (quantity.nanos < 0n) errors.push(invalidError(path, formatQuantity(quantity), NEGATIVE_ERROR));
  if (isIntegerResourceName(resource) && quantity.millis % 1000n !== 0n) errors.push(invalidError(path, formatQuantity(quantity), NOT_INTEGER_ERROR));
  return { errors, quantity };
}

/** A non-negative quantity that is not part of a resource list (emptyDir sizeLimit, divisors). */
export function validateQuantityValue(raw: unknown, path: string): { errors: FieldError[]; quantity?: Quantity } {
  const quantity = typeof raw === 'string' || typeof raw === 'number' ? parseQuantity(raw) : null;
  if (!quantity) return { errors: [invalidError(path, raw, QUANTITY_FORMAT_ERROR)] };
  return { errors: [], quantity };
}
