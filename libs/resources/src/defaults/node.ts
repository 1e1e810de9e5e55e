import { cloneJson, ensureObject, isJsonObject } from './json-object.js';
import { normaliseQuantities } from './resources.js';

/**
 * A node with Kubernetes' defaults (SetDefaults_NodeStatus): allocatable is the
 * whole capacity unless the node says otherwise. Quantities given as JSON numbers
 * become strings. Returns a new object.
 */
export function defaultNode<T>(node: T): T {
  const copy = cloneJson(node);
  if (!isJsonObject(copy)) return copy;
  ensureObject(copy, 'spec');
  const status = ensureObject(copy, 'status');
  if (!status) return copy;
  normaliseQuantities(status.capacity);
  normaliseQuantities(status.allocatable);
  const capacity = status.capacity;
  if (isJsonObject(capacity) && (status.allocatable === undefined || status.allocatable === null)) {
    status.allocatable = { ...capacity };
  }
  return copy;
}
