import { invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { canonicalQuantity } from '../quantity/index.js';
import { childPath } from './field-path.js';
import { readObject, readString } from './json.js';
import { isQualifiedName } from './names.js';
import { validateQuantityValue } from './resource-quantity.js';

/** Pod fields an env var may take from the downward API (validEnvDownwardAPIFieldPathExpressions). */
export const ENV_FIELD_PATHS: readonly string[] = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

/** Container resources an env var may expose (validContainerResourceFieldPathExpressions). */
export const ENV_RESOURCE_FIELDS: readonly string[] = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];
const HUGEPAGE_RESOURCE_PREFIXES = ['limits.hugepages-', 'requests.hugepages-'];
const CPU_DIVISORS = ['1m', '1'];
const MEMORY_DIVISORS = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];

/** `metadata.labels['app']` → ['metadata.labels', 'app'] (fieldpath.SplitMaybeSubscriptedPath). */
export function splitSubscriptedPath(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const open = fieldPath.indexOf("['");
  if (open <= 0) return undefined;
  return [fieldPath.slice(0, open), fieldPath.slice(open + 2, -2)];
}

/** Pod fields a downwardAPI volume file may hold (validVolumeDownwardAPIFieldPathExpressions). */
export const VOLUME_FIELD_PATHS: readonly string[] = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];

/** env[].valueFrom.fieldRef (or a downwardAPI volume file's): a supported pod field, or one label/annotation by key. */
export function validateObjectFieldSelector(selector: unknown, path: string, allowed: readonly string[] = ENV_FIELD_PATHS): FieldError[] {
  const errors: FieldError[] = [];
  const s = readObject(selector, path, errors);
  if (!s) return errors;
  const apiVersion = readString(s.apiVersion, childPath(path, 'apiVersion'), errors);
  // Unset means v1, which defaulting fills in.
  if (apiVersion && apiVersion !== 'v1') errors.push(invalidError(childPath(path, 'apiVersion'), apiVersion, `unsupported pod version: ${apiVersion}`));
  const fieldPath = readString(s.fieldPath, childPath(path, 'fieldPath'), errors) ?? '';
  if (!fieldPath) return [...errors, requiredError(childPath(path, 'fieldPath'))];
  const subscripted = splitSubscriptedPath(fieldPath);
  if (subscripted) {
    const [base, key] = subscripted;
    if (base === 'metadata.annotations') errors.push(...isQualifiedName(key.toLowerCase()).map((msg) => invalidError(path, key, msg)));
    else if (base === 'metadata.labels') errors.push(...isQualifiedName(key).map((msg) => invalidError(path, key, msg)));
    else errors.push(invalidError(path, base, 'does not support subscript'));
  } else if (!allowed.includes(fieldPath)) {
    errors.push(notSupportedError(childPath(path, 'fieldPath'), fieldPath, allowed));
  }
  return errors;
}

/** env[].valueFrom.resourceFieldRef: a supported resource and a divisor that makes sense for it. */
export function validateResourceFieldSelector(selector: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const s = readObject(selector, path, errors);
  if (!s) return errors;
  readString(s.containerName, childPath(path, 'containerName'), errors);
  const resource = readString(s.resource, childPath(path, 'resource'), errors) ?? '';
  if (!resource) return [...errors, requiredError(childPath(path, 'resource'))];
  if (!ENV_RESOURCE_FIELDS.includes(resource) && !HUGEPAGE_RESOURCE_PREFIXES.some((p) => resource.startsWith(p))) {
    errors.push(notSupportedError(childPath(path, 'resource'), resource, ENV_RESOURCE_FIELDS));
  }
  if (s.divisor !== undefined && s.divisor !== null) {
    const divisorPath = childPath(path, 'divisor');
    const checked = validateQuantityValue(s.divisor, divisorPath);
    errors.push(...checked.errors);
    const divisor = checked.quantity && checked.quantity.nanos !== 0n ? canonicalQuantity(s.divisor as string | number) : undefined;
    if (divisor) errors.push(...validateDivisor(resource, divisor, divisorPath));
  }
  return errors;
}

function validateDivisor(resource: string, divisor: string, path: string): FieldError[] {
  const kind = resource.slice(resource.indexOf('.') + 1);
  if (kind === 'cpu' && !CPU_DIVISORS.includes(divisor)) {
    return [invalidError(path, resource, "only divisor's values 1m and 1 are supported with the cpu resource")];
  }
  if (kind === 'memory' && !MEMORY_DIVISORS.includes(divisor)) {
    return [invalidError(path, resource, `only divisor's values ${MEMORY_DIVISORS.join(', ')} are supported with the memory resource`)];
  }
  if (kind === 'ephemeral-storage' && !MEMORY_DIVISORS.includes(divisor)) {
    return [invalidError(path, resource, `only divisor's values ${MEMORY_DIVISORS.join(', ')} are supported with the local ephemeral storage resource`)];
  }
  return [];
}
