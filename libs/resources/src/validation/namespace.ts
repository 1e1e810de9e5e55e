import { invalidError, notSupportedError, type FieldError } from '../field-error.js';
import { validateFinalizers } from './finalizers.js';
import { isAbsent, isJsonObject, readObject, readString, type JsonObject } from './json.js';

export const NAMESPACE_PHASES: readonly string[] = ['Active', 'Terminating'];

/**
 * A namespace's spec and status (metadata is validated on its own by
 * validateObjectMeta with nameRule 'label'): spec.finalizers are finalizer names,
 * and the phase, when set, is Active or Terminating.
 */
export function validateNamespace(namespace: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const ns: JsonObject = isJsonObject(namespace) ? namespace : {};
  const spec = readObject(ns.spec, 'spec', errors) ?? {};
  errors.push(...validateFinalizers(spec.finalizers, 'spec.finalizers'));
  const status = readObject(ns.status, 'status', errors) ?? {};
  const phase = readString(status.phase, 'status.phase', errors);
  if (phase && !NAMESPACE_PHASES.includes(phase)) errors.push(notSupportedError('status.phase', phase, NAMESPACE_PHASES));
  return errors;
}

/**
 * Status updates (ValidateNamespaceStatusUpdate): the phase follows deletion, Active
 * without a deletionTimestamp and Terminating with one.
 */
export function validateNamespaceStatusUpdate(next: unknown): FieldError[] {
  const ns: JsonObject = isJsonObject(next) ? next : {};
  const metadata = isJsonObject(ns.metadata) ? ns.metadata : {};
  const status = isJsonObject(ns.status) ? ns.status : {};
  const phase = status.phase;
  const deleting = !isAbsent(metadata.deletionTimestamp);
  if (!deleting && phase !== undefined && phase !== 'Active') {
    return [invalidError('status.phase', phase, 'A namespace may only be in active status if it does not have a deletion timestamp.')];
  }
  if (deleting && phase !== 'Terminating') {
    return [invalidError('status.phase', phase ?? '', 'A namespace may only be in terminating status if it has a deletion timestamp.')];
  }
  return [];
}
