import { invalidError, requiredError, type FieldError } from '../field-error.js';
import { inclusiveRangeError, maxLenError } from './messages.js';

/** A port number, 1..65535. */
export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** An IANA_SVC_NAME (RFC 6335): at most 15 characters, a-z, 0-9 and single inner hyphens, at least one letter. */
export function isValidPortName(name: string): string[] {
  const errors: string[] = [];
  if (name.length > 15) errors.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(name)) errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errors.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errors.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}

/** An int-or-string port (probes, hooks): a number in range or a named container port. */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (port === undefined || port === null) return [requiredError(path)];
  if (typeof port === 'number') return isValidPortNum(port).map((msg) => invalidError(path, port, msg));
  if (typeof port === 'string') return isValidPortName(port).map((msg) => invalidError(path, port, msg));
  return [invalidError(path, port, 'must be a port number or a port name')];
}

/** A numeric-only port (gRPC probes, container ports). */
export function validatePortNum(port: unknown, path: string): FieldError[] {
  if (port === undefined || port === null) return [requiredError(path)];
  if (typeof port !== 'number') return [invalidError(path, port, 'must be an integer')];
  return isValidPortNum(port).map((msg) => invalidError(path, port, msg));
}
