import { invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { isAbsent, isJsonObject, readInteger, readObject, readString, type JsonObject } from './json.js';
import { NEGATIVE_ERROR } from './messages.js';
import { validateTimestamp } from './timestamp.js';

export const EVENT_TYPES: readonly string[] = ['Normal', 'Warning'];

/**
 * A core/v1 Event's own fields, which sit beside metadata (metadata is validated by
 * validateObjectMeta): the object it is about, a reason, a known type, a
 * non-negative count, and an involved namespace that agrees with the event's.
 */
export function validateEvent(event: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const e: JsonObject = isJsonObject(event) ? event : {};
  const involved = readObject(e.involvedObject, 'involvedObject', errors);
  if (!involved) {
    if (isAbsent(e.involvedObject)) errors.push(requiredError('involvedObject'));
  } else {
    if (!readString(involved.kind, 'involvedObject.kind', errors)) errors.push(requiredError('involvedObject.kind'));
    if (!readString(involved.name, 'involvedObject.name', errors)) errors.push(requiredError('involvedObject.name'));
    const involvedNamespace = readString(involved.namespace, 'involvedObject.namespace', errors) ?? '';
    const metadata = isJsonObject(e.metadata) ? e.metadata : {};
    const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
    // Events about cluster-scoped objects live in "default" (or nowhere); others live with their object.
    const agrees = involvedNamespace ? namespace === involvedNamespace : namespace === '' || namespace === 'default';
    if (!agrees) errors.push(invalidError('involvedObject.namespace', involvedNamespace, 'does not match event.namespace'));
  }
  if (!readString(e.reason, 'reason', errors)) errors.push(requiredError('reason'));
  readString(e.message, 'message', errors);
  const type = readString(e.type, 'type', errors);
  // Unset type is Normal after defaulting.
  if (type !== undefined && !EVENT_TYPES.includes(type)) errors.push(notSupportedError('type', type, EVENT_TYPES));
  const count = readInteger(e.count, 'count', errors);
  if (count !== undefined && count < 0) errors.push(invalidError('count', count, NEGATIVE_ERROR));
  for (const field of ['firstTimestamp', 'lastTimestamp', 'eventTime']) errors.push(...validateTimestamp(e[field], field));
  return errors;
}
