import { invalidError, notSupportedError, type FieldError } from '../field-error.js';
import { validateLabelSelector } from '../validation/label-selector.js';
import { UNHEALTHY_POD_EVICTION_POLICIES, type PodDisruptionBudgetLike, type PodDisruptionBudgetSpecLike, type PodDisruptionBudgetStatusLike } from './pdb-types.js';

const PERCENT = /^[0-9]+%$/;
const PERCENT_MESSAGE = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

/** Kubernetes' ValidatePodDisruptionBudget (pkg/apis/policy/validation): the spec, then the status fields. */
export function validatePodDisruptionBudget(pdb: PodDisruptionBudgetLike): FieldError[] {
  return [...validatePodDisruptionBudgetSpec(pdb.spec ?? {}, 'spec'), ...validatePodDisruptionBudgetStatus(pdb.status ?? {}, 'status')];
}

/** ValidatePodDisruptionBudgetSpec: at most one of minAvailable/maxUnavailable, each a non-negative int or a percentage up to 100%. */
export function validatePodDisruptionBudgetSpec(spec: PodDisruptionBudgetSpecLike, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const has = (v: unknown) => v !== undefined && v !== null;
  // policy/v1 allows neither (the budget then allows every disruption), as upstream does.
  if (has(spec.minAvailable) && has(spec.maxUnavailable)) errors.push(invalidError(path, spec, 'minAvailable and maxUnavailable cannot be both set'));
  if (has(spec.minAvailable)) errors.push(...validatePositiveIntOrPercent(spec.minAvailable!, `${path}.minAvailable`));
  if (has(spec.maxUnavailable)) errors.push(...validatePositiveIntOrPercent(spec.maxUnavailable!, `${path}.maxUnavailable`));
  if (has(spec.selector)) errors.push(...validateLabelSelector(spec.selector, `${path}.selector`));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (has(policy) && !(UNHEALTHY_POD_EVICTION_POLICIES as readonly string[]).includes(policy!)) {
    errors.push(notSupportedError(`${path}.unhealthyPodEvictionPolicy`, policy, UNHEALTHY_POD_EVICTION_POLICIES));
  }
  return errors;
}

/** ValidatePodDisruptionBudgetStatusUpdate's counters: none negative. */
export function validatePodDisruptionBudgetStatus(status: PodDisruptionBudgetStatusLike, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods'] as const) {
    const value = status[field];
    if (value !== undefined && value !== null && value < 0) errors.push(invalidError(`${path}.${field}`, value, 'must be greater than or equal to 0'));
  }
  return errors;
}

/** apps validation's ValidatePositiveIntOrPercent + IsNotMoreThan100Percent. */
function validatePositiveIntOrPercent(value: number | string, path: string): FieldError[] {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? [] : [invalidError(path, value, 'must be greater than or equal to 0')];
  if (!PERCENT.test(value)) return [invalidError(path, value, PERCENT_MESSAGE)];
  return Number(value.slice(0, -1)) > 100 ? [invalidError(path, value, 'must not be greater than 100%')] : [];
}
