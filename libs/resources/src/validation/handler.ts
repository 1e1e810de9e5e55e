import { forbiddenError, invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { childPath, indexPath } from './field-path.js';
import { readInteger, readObject, readObjectArray, readString, readStringArray, type JsonObject } from './json.js';
import { isHttpHeaderName } from './names.js';
import { validatePortNum, validatePortNumOrName } from './ports.js';

/** The actions a probe or lifecycle hook can take, in Kubernetes' order of checking. */
export type HandlerKind = 'exec' | 'httpGet' | 'tcpSocket' | 'grpc' | 'sleep';

const HANDLER_ORDER: readonly HandlerKind[] = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'];
export const PROBE_HANDLERS: readonly HandlerKind[] = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
export const LIFECYCLE_HANDLERS: readonly HandlerKind[] = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

/**
 * Exactly one action (validateHandler): the first one set is validated, any other is
 * "may not specify more than 1 handler type"; none at all is required.
 */
export function validateHandler(handler: JsonObject, path: string, allowed: readonly HandlerKind[], gracePeriodSeconds: number): FieldError[] {
  const errors: FieldError[] = [];
  let count = 0;
  for (const kind of HANDLER_ORDER) {
    const value = handler[kind];
    if (value === undefined || value === null) continue;
    const kindPath = childPath(path, kind);
    if (!allowed.includes(kind)) {
      errors.push(forbiddenError(kindPath, `may not be used here; supported handlers: ${allowed.join(', ')}`));
    } else if (count > 0) {
      errors.push(forbiddenError(kindPath, 'may not specify more than 1 handler type'));
    } else {
      count++;
      const action = readObject(value, kindPath, errors);
      if (action) errors.push(...validateAction(kind, action, kindPath, gracePeriodSeconds));
    }
  }
  if (count === 0 && !errors.some((e) => e.type === 'Forbidden')) errors.push(requiredError(path, 'must specify a handler type'));
  return errors;
}

function validateAction(kind: HandlerKind, action: JsonObject, path: string, gracePeriodSeconds: number): FieldError[] {
  switch (kind) {
    case 'exec':
      return validateExecAction(action, path);
    case 'httpGet':
      return validateHttpGetAction(action, path);
    case 'tcpSocket':
      return validatePortNumOrName(action.port, childPath(path, 'port'));
    case 'grpc':
      return validatePortNum(action.port, childPath(path, 'port'));
    case 'sleep':
      return validateSleepAction(action, path, gracePeriodSeconds);
  }
}

function validateExecAction(action: JsonObject, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const command = readStringArray(action.command, childPath(path, 'command'), errors);
  if (!command || command.length === 0) errors.push(requiredError(childPath(path, 'command')));
  return errors;
}

const HTTP_SCHEMES = ['HTTP', 'HTTPS'];

/** path and scheme may be unset: defaulting fills in "/" and HTTP. */
function validateHttpGetAction(action: JsonObject, path: string): FieldError[] {
  const errors: FieldError[] = [];
  readString(action.path, childPath(path, 'path'), errors);
  readString(action.host, childPath(path, 'host'), errors);
  errors.push(...validatePortNumOrName(action.port, childPath(path, 'port')));
  const scheme = readString(action.scheme, childPath(path, 'scheme'), errors);
  if (scheme && !HTTP_SCHEMES.includes(scheme)) errors.push(notSupportedError(childPath(path, 'scheme'), scheme, HTTP_SCHEMES));
  const headersPath = childPath(path, 'httpHeaders');
  for (const { item, index } of readObjectArray(action.httpHeaders, headersPath, errors)) {
    const name = readString(item.name, childPath(indexPath(headersPath, index), 'name'), errors) ?? '';
    errors.push(...isHttpHeaderName(name).map((msg) => invalidError(headersPath, name, msg)));
    readString(item.value, childPath(indexPath(headersPath, index), 'value'), errors);
  }
  return errors;
}

/** A preStop/postStart pause, which must fit in the pod's termination grace period. */
function validateSleepAction(action: JsonObject, path: string, gracePeriodSeconds: number): FieldError[] {
  const errors: FieldError[] = [];
  const seconds = readInteger(action.seconds, childPath(path, 'seconds'), errors);
  if (seconds !== undefined && (seconds < 0 || seconds > gracePeriodSeconds)) {
    errors.push(invalidError(path, seconds, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriodSeconds})`));
  }
  return errors;
}
