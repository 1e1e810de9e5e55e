import { forbiddenError, invalidError, requiredError, type FieldError } from '../field-error.js';
import { compareQuantities, formatQuantity, type Quantity } from '../quantity/index.js';
import { childPath, keyPath } from './field-path.js';
import { readObject, type JsonObject } from './json.js';
import { isHugePageResourceName, isOvercommitAllowed, validateContainerResourceName } from './resource-names.js';
import { validateResourceQuantity } from './resource-quantity.js';

/**
 * A container's resources (ValidateResourceRequirements): known resource names,
 * valid quantities, requests ≤ limits, and requests == limits for resources that
 * cannot be overcommitted (extended resources, hugepages).
 */
export function validateResourceRequirements(resources: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const r = readObject(resources, path, errors) ?? {};
  const limitsPath = childPath(path, 'limits');
  const requestsPath = childPath(path, 'requests');
  const limits = readResourceList(r.limits, limitsPath, errors);
  const requests = readResourceList(r.requests, requestsPath, errors);

  for (const [name, request] of requests) {
    const limit = limits.get(name);
    const requestPath = keyPath(requestsPath, name);
    if (limit) {
      const cmp = compareQuantities(request, limit);
      if (cmp !== 0 && !isOvercommitAllowed(name)) {
        errors.push(invalidError(requestPath, formatQuantity(request), `must be equal to ${name} limit of ${formatQuantity(limit)}`));
      } else if (cmp > 0) {
        errors.push(invalidError(requestPath, formatQuantity(request), `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`));
      }
    } else if (!isOvercommitAllowed(name)) {
      errors.push(requiredError(limitsPath, 'Limit must be set for non overcommitable resources'));
    }
  }
  const names = [...limits.keys(), ...requests.keys()];
  if (names.some(isHugePageResourceName) && !names.some((n) => n === 'cpu' || n === 'memory')) {
    errors.push(forbiddenError(path, 'HugePages require cpu or memory'));
  }
  return errors;
}

/** The valid entries of a resource list; invalid names and quantities are reported. */
function readResourceList(value: unknown, path: string, errors: FieldError[]): Map<string, Quantity> {
  const list: JsonObject = readObject(value, path, errors) ?? {};
  const valid = new Map<string, Quantity>();
  for (const [name, raw] of Object.entries(list)) {
    const entryPath = keyPath(path, name);
    errors.push(...validateContainerResourceName(name, entryPath));
    const checked = validateResourceQuantity(name, raw, entryPath);
    errors.push(...checked.errors);
    if (checked.quantity && checked.errors.length === 0) valid.set(name, checked.quantity);
  }
  return valid;
}
