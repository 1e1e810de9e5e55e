import { invalidError, type FieldError } from '../field-error.js';
import { isQualifiedName } from './names.js';

/**
 * Resource names (k8s pkg/apis/core/helper): cpu, memory, hugepages-2Mi,
 * example.com/gpu. Names without a domain are Kubernetes' own; names under
 * kubernetes.io are native; any other domain is an extended resource.
 */

const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];
/** Unprefixed names a node may report (pods is the per-node pod limit). */
const STANDARD_NODE_RESOURCES = [...STANDARD_CONTAINER_RESOURCES, 'pods', 'storage'];
const INTEGER_RESOURCES = ['pods'];

export function isHugePageResourceName(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** Kubernetes-defined: no domain, or a kubernetes.io domain. */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  // Quota names these `requests.<name>`, so that form must be a qualified name too.
  return isQualifiedName(`requests.${name}`).length === 0;
}

/** Requests may be below limits for these; extended resources and hugepages must match exactly. */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

/** Resources counted in whole units: a "500m" GPU makes no sense. */
export function isIntegerResourceName(name: string): boolean {
  return INTEGER_RESOURCES.includes(name) || isExtendedResourceName(name);
}

/** A resource a container may request or limit. */
export function validateContainerResourceName(name: string, path: string): FieldError[] {
  const errors = isQualifiedName(name).map((msg) => invalidError(path, name, msg));
  if (errors.length > 0) return errors;
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.includes(name) && !isHugePageResourceName(name)) {
      return [invalidError(path, name, 'must be a standard resource for containers')];
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    return [invalidError(path, name, "doesn't follow extended resource name standard")];
  }
  return [];
}

/** A resource a node reports in capacity or allocatable. */
export function validateNodeResourceName(name: string, path: string): FieldError[] {
  const errors = isQualifiedName(name).map((msg) => invalidError(path, name, msg));
  if (errors.length > 0) return errors;
  if (!name.includes('/') && !STANDARD_NODE_RESOURCES.includes(name) && !isHugePageResourceName(name)) {
    return [invalidError(path, name, 'must be a standard resource type or fully qualified')];
  }
  return [];
}
