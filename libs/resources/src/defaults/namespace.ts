import { cloneJson, ensureObject, isJsonObject, setDefault } from './json-object.js';

/** The finalizer by which the namespace controller empties a namespace before it goes. */
export const NAMESPACE_FINALIZER = 'kubernetes';
/** Kubernetes labels every namespace with its own name so selectors can pick namespaces by name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * A namespace with Kubernetes' defaults: spec.finalizers ["kubernetes"] when unset
 * (an empty list stays empty: the controller empties it when done), phase Active,
 * and the kubernetes.io/metadata.name label. Returns a new object.
 */
export function defaultNamespace<T>(namespace: T): T {
  const copy = cloneJson(namespace);
  if (!isJsonObject(copy)) return copy;
  const spec = ensureObject(copy, 'spec');
  if (spec && (spec.finalizers === undefined || spec.finalizers === null)) spec.finalizers = [NAMESPACE_FINALIZER];
  const status = ensureObject(copy, 'status');
  if (status) setDefault(status, 'phase', 'Active');
  const metadata = copy.metadata;
  if (isJsonObject(metadata) && typeof metadata.name === 'string' && metadata.name) {
    const labels = ensureObject(metadata, 'labels');
    if (labels) labels[NAMESPACE_NAME_LABEL] = metadata.name;
  }
  return copy;
}
