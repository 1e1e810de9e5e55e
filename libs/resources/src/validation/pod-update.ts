import { forbiddenError, invalidError, requiredError, type FieldError } from '../field-error.js';
import { childPath, indexPath } from './field-path.js';
import { isAbsent, isJsonObject, type JsonObject } from './json.js';
import { changedPaths, jsonEqual } from './json-diff.js';

/** Kubernetes' own wording (ValidatePodUpdate), so clients that match on it keep working. */
export const POD_UPDATE_FORBIDDEN_MESSAGE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,' +
  '`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),' +
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/**
 * The update rules of a pod spec (ValidatePodUpdate). A running pod's spec is fixed
 * except for images, a shrinking activeDeadlineSeconds and added tolerations.
 * Wheelhouse also lets the scheduler bind a pod by setting an empty nodeName once
 * (Kubernetes does this through the binding subresource). Validate the new spec
 * itself with validatePodSpec; metadata with validateObjectMetaUpdate.
 */
export function validatePodUpdate(next: unknown, prev: unknown): FieldError[] {
  const specPath = 'spec';
  const nextSpec = specOf(next);
  const prevSpec = specOf(prev);
  const errors: FieldError[] = [];

  for (const list of ['containers', 'initContainers'] as const) {
    const result = validateContainerUpdates(nextSpec[list], prevSpec[list], childPath(specPath, list));
    errors.push(...result.errors);
    if (result.stop) return errors;
  }
  errors.push(...validateActiveDeadlineUpdate(nextSpec.activeDeadlineSeconds, prevSpec.activeDeadlineSeconds, childPath(specPath, 'activeDeadlineSeconds')));
  errors.push(...validateOnlyAddedTolerations(nextSpec.tolerations, prevSpec.tolerations, childPath(specPath, 'tolerations')));

  // Put back every field that may change, then demand the rest be equal.
  const munged: JsonObject = {
    ...nextSpec,
    containers: withImagesOf(nextSpec.containers, prevSpec.containers),
    initContainers: withImagesOf(nextSpec.initContainers, prevSpec.initContainers),
    activeDeadlineSeconds: prevSpec.activeDeadlineSeconds,
    tolerations: prevSpec.tolerations,
  };
  if (isUnset(prevSpec.nodeName)) munged.nodeName = prevSpec.nodeName;
  const prevGrace = prevSpec.terminationGracePeriodSeconds;
  if (typeof prevGrace === 'number' && prevGrace < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = prevGrace;
  }
  if (!jsonEqual(munged, prevSpec)) {
    const changed = changedPaths(prevSpec, munged, specPath);
    errors.push(forbiddenError(specPath, `${POD_UPDATE_FORBIDDEN_MESSAGE}\nchanged: ${changed.join(', ')}`));
  }
  return errors;
}

function specOf(pod: unknown): JsonObject {
  const spec = isJsonObject(pod) ? pod.spec : undefined;
  return isJsonObject(spec) ? spec : {};
}

function isUnset(value: unknown): boolean {
  return isAbsent(value) || value === '';
}

/** ValidateContainerUpdates: same number of containers, each still with an image. */
function validateContainerUpdates(next: unknown, prev: unknown, path: string): { errors: FieldError[]; stop: boolean } {
  const nextList = Array.isArray(next) ? next : [];
  const prevList = Array.isArray(prev) ? prev : [];
  if (nextList.length !== prevList.length) return { errors: [forbiddenError(path, 'pod updates may not add or remove containers')], stop: true };
  const errors: FieldError[] = [];
  nextList.forEach((container: unknown, i) => {
    const image = isJsonObject(container) ? container.image : undefined;
    const imagePath = childPath(indexPath(path, i), 'image');
    if (typeof image !== 'string' || image.length === 0) errors.push(requiredError(imagePath));
    else if (image.trim().length !== image.length) errors.push(invalidError(imagePath, image, 'must not have leading or trailing whitespace'));
  });
  return { errors, stop: false };
}

function withImagesOf(next: unknown, prev: unknown): unknown {
  if (!Array.isArray(next) || !Array.isArray(prev)) return next;
  return next.map((container: unknown, i) => {
    const old: unknown = prev[i];
    if (!isJsonObject(container) || !isJsonObject(old)) return container;
    return { ...container, image: old.image };
  });
}

/** activeDeadlineSeconds may be set, or lowered, but never raised or removed. */
function validateActiveDeadlineUpdate(next: unknown, prev: unknown, path: string): FieldError[] {
  if (typeof next === 'number') {
    if (typeof prev === 'number' && prev < next) return [invalidError(path, next, 'must be less than or equal to previous value')];
    return [];
  }
  if (isAbsent(next) && typeof prev === 'number') return [invalidError(path, null, 'must not update from a positive integer to nil value')];
  return [];
}

/** Existing tolerations stay (only their tolerationSeconds may change); new ones may be added. */
function validateOnlyAddedTolerations(next: unknown, prev: unknown, path: string): FieldError[] {
  const nextList = Array.isArray(next) ? next : [];
  const prevList = Array.isArray(prev) ? prev : [];
  const withoutSeconds = (t: unknown) => (isJsonObject(t) ? { ...t, tolerationSeconds: undefined } : t);
  for (const old of prevList) {
    if (!nextList.some((t: unknown) => jsonEqual(withoutSeconds(t), withoutSeconds(old)))) {
      return [forbiddenError(path, 'existing toleration can not be modified except its tolerationSeconds')];
    }
  }
  return [];
}
