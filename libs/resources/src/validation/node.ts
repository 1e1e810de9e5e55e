import { duplicateError, forbiddenError, invalidError, type FieldError } from '../field-error.js';
import { childPath, indexPath, keyPath } from './field-path.js';
import { cidrFamily, validateCidr } from './ip.js';
import { isJsonObject, readBoolean, readObject, readObjectArray, readString, readStringArray, type JsonObject } from './json.js';
import { validateNodeResourceName } from './resource-names.js';
import { validateResourceQuantity } from './resource-quantity.js';
import { validateTaints } from './taints.js';

/** A node's spec: taints, pod CIDRs (at most one per IP family), and simple fields. */
export function validateNodeSpec(spec: unknown, path = 'spec'): FieldError[] {
  const errors: FieldError[] = [];
  const s = readObject(spec, path, errors) ?? {};
  errors.push(...validateTaints(s.taints, childPath(path, 'taints')));
  readBoolean(s.unschedulable, childPath(path, 'unschedulable'), errors);
  readString(s.providerID, childPath(path, 'providerID'), errors);
  const podCIDR = readString(s.podCIDR, childPath(path, 'podCIDR'), errors);
  if (podCIDR) errors.push(...validateCidr(podCIDR, childPath(path, 'podCIDR')));
  errors.push(...validatePodCidrs(s.podCIDRs, childPath(path, 'podCIDRs')));
  return errors;
}

function validatePodCidrs(value: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const cidrs = readStringArray(value, path, errors) ?? [];
  cidrs.forEach((cidr, i) => {
    errors.push(...validateCidr(cidr, indexPath(path, i)));
  });
  if (cidrs.length > 1) {
    const families = cidrs.map(cidrFamily);
    // Dual-stack means exactly one IPv4 and one IPv6 range.
    if (cidrs.length > 2 || families[0] === families[1]) {
      errors.push(invalidError(path, cidrs, 'may specify no more than one CIDR for each IP family'));
    }
  }
  const seen = new Set<string>();
  cidrs.forEach((cidr, i) => {
    if (seen.has(cidr)) errors.push(duplicateError(indexPath(path, i), cidr));
    seen.add(cidr);
  });
  return errors;
}

/** A node's status: capacity and allocatable are resource lists of valid, non-negative quantities. */
export function validateNodeStatus(status: unknown, path = 'status'): FieldError[] {
  const errors: FieldError[] = [];
  const s = readObject(status, path, errors) ?? {};
  for (const list of ['capacity', 'allocatable']) {
    const listPath = childPath(path, list);
    const resources = readObject(s[list], listPath, errors) ?? {};
    for (const [name, raw] of Object.entries(resources)) {
      errors.push(...validateNodeResourceName(name, keyPath(listPath, name)));
      errors.push(...validateResourceQuantity(name, raw, keyPath(listPath, name)).errors);
    }
  }
  const addressesPath = childPath(path, 'addresses');
  for (const { item, index } of readObjectArray(s.addresses, addressesPath, errors)) {
    readString(item.type, childPath(indexPath(addressesPath, index), 'type'), errors);
    readString(item.address, childPath(indexPath(addressesPath, index), 'address'), errors);
  }
  return errors;
}

const CHANGE_ONCE = (field: string) => `node updates may not change ${field} except from "" to valid`;

/** ValidateNodeUpdate: pod CIDRs and the provider ID may be set once, then never changed. */
export function validateNodeUpdate(next: unknown, prev: unknown): FieldError[] {
  const nextSpec = specOf(next);
  const prevSpec = specOf(prev);
  const errors: FieldError[] = [];
  const prevCidrs = Array.isArray(prevSpec.podCIDRs) ? prevSpec.podCIDRs : [];
  const nextCidrs = Array.isArray(nextSpec.podCIDRs) ? nextSpec.podCIDRs : [];
  if (prevCidrs.length > 0 && (prevCidrs.length !== nextCidrs.length || prevCidrs.some((c, i) => c !== nextCidrs[i]))) {
    errors.push(forbiddenError('spec.podCIDRs', CHANGE_ONCE('podCIDR')));
  }
  const prevCidr = prevSpec.podCIDR;
  if (typeof prevCidr === 'string' && prevCidr && prevCidr !== nextSpec.podCIDR) errors.push(forbiddenError('spec.podCIDR', CHANGE_ONCE('podCIDR')));
  const prevProvider = prevSpec.providerID;
  if (typeof prevProvider === 'string' && prevProvider && prevProvider !== nextSpec.providerID) {
    errors.push(forbiddenError('spec.providerID', CHANGE_ONCE('providerID')));
  }
  return errors;
}

function specOf(node: unknown): JsonObject {
  const spec = isJsonObject(node) ? node.spec : undefined;
  return isJsonObject(spec) ? spec : {};
}
