import { canonicalQuantity } from '../quantity/index.js';
import { ensureObject, isJsonObject, type JsonObject } from './json-object.js';

/**
 * A container's resources: present (possibly empty), numbers written as quantity
 * strings, and missing requests taken from limits (SetDefaults_Pod does this, so a
 * container with only limits is scheduled by those limits).
 */
export function applyResourceDefaults(container: JsonObject): void {
  const resources = ensureObject(container, 'resources');
  if (!resources) return;
  normaliseQuantities(resources.limits);
  normaliseQuantities(resources.requests);
  const limits = resources.limits;
  if (!isJsonObject(limits)) return;
  const requests = ensureObject(resources, 'requests');
  if (!requests) return;
  for (const [name, limit] of Object.entries(limits)) {
    if (requests[name] === undefined || requests[name] === null) requests[name] = limit;
  }
}

/** Rewrites JSON numbers (`cpu: 0.5`) as Kubernetes prints them (`"500m"`). Invalid entries stay for validation to report. */
export function normaliseQuantities(list: unknown): void {
  if (!isJsonObject(list)) return;
  for (const [name, value] of Object.entries(list)) {
    if (typeof value === 'number') list[name] = canonicalQuantity(value) ?? value;
  }
}
