import { invalidError, type FieldError } from '../field-error.js';
import { childPath } from './field-path.js';
import { isJsonObject, readInteger, readObject, readString, type JsonObject } from './json.js';
import { NEGATIVE_ERROR, NOT_POSITIVE_ERROR } from './messages.js';
import { validateTimestamp } from './timestamp.js';

/** A coordination.k8s.io/v1 Lease (metadata is validated by validateObjectMeta). */
export function validateLease(lease: unknown): FieldError[] {
  const l: JsonObject = isJsonObject(lease) ? lease : {};
  return validateLeaseSpec(l.spec, 'spec');
}

/** ValidateLeaseSpec: a positive duration and a non-negative transition count. */
export function validateLeaseSpec(spec: unknown, path = 'spec'): FieldError[] {
  const errors: FieldError[] = [];
  const s = readObject(spec, path, errors) ?? {};
  readString(s.holderIdentity, childPath(path, 'holderIdentity'), errors);
  const duration = readInteger(s.leaseDurationSeconds, childPath(path, 'leaseDurationSeconds'), errors);
  if (duration !== undefined && duration <= 0) errors.push(invalidError(childPath(path, 'leaseDurationSeconds'), duration, NOT_POSITIVE_ERROR));
  const transitions = readInteger(s.leaseTransitions, childPath(path, 'leaseTransitions'), errors);
  if (transitions !== undefined && transitions < 0) errors.push(invalidError(childPath(path, 'leaseTransitions'), transitions, NEGATIVE_ERROR));
  errors.push(...validateTimestamp(s.acquireTime, childPath(path, 'acquireTime')));
  errors.push(...validateTimestamp(s.renewTime, childPath(path, 'renewTime')));
  return errors;
}
