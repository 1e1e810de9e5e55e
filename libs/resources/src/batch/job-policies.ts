import { duplicateError, invalidError, notSupportedError, requiredError, tooManyError, type FieldError } from '../field-error.js';
import { validateLabelName } from '../validation/labels.js';
import { MAX_EXIT_CODE_VALUES, MAX_POD_FAILURE_POLICY_RULES, MAX_SUCCESS_POLICY_RULES } from './job-labels.js';
import { parseIndexes } from './indexes.js';
import type { JobSpecLike, PodFailurePolicyRuleLike } from './job-types.js';

const ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const CONDITION_STATUSES = ['False', 'True', 'Unknown'];

/** validatePodFailurePolicy: at most 20 rules, each with a known action and exactly one kind of requirement. */
export function validatePodFailurePolicy(spec: JobSpecLike, path: string): FieldError[] {
  const rules = spec.podFailurePolicy?.rules ?? [];
  const errors: FieldError[] = [];
  if (rules.length > MAX_POD_FAILURE_POLICY_RULES) errors.push(tooManyError(`${path}.rules`, rules.length, MAX_POD_FAILURE_POLICY_RULES));
  const containerNames = new Set([...(spec.template?.spec?.containers ?? []), ...(spec.template?.spec?.initContainers ?? [])].map((c) => c.name));
  rules.forEach((rule, i) => {
    errors.push(...validateRule(rule, `${path}.rules[${i}]`, spec, containerNames));
  });
  return errors;
}

function validateRule(rule: PodFailurePolicyRuleLike, path: string, spec: JobSpecLike, containerNames: Set<string | undefined>): FieldError[] {
  const errors: FieldError[] = [];
  const action = rule.action ?? '';
  if (!ACTIONS.includes(action)) errors.push(notSupportedError(`${path}.action`, action, ACTIONS));
  else if (action === 'FailIndex' && spec.backoffLimitPerIndex === undefined) {
    errors.push(invalidError(`${path}.action`, action, 'requires the backoffLimitPerIndex to be set'));
  }
  const conditions = rule.onPodConditions ?? [];
  if (rule.onExitCodes !== undefined && conditions.length > 0) {
    errors.push(invalidError(path, '', 'specifying both OnExitCodes and OnPodConditions is not supported'));
  } else if (rule.onExitCodes === undefined && conditions.length === 0) {
    errors.push(invalidError(path, '', 'specifying one of OnExitCodes and OnPodConditions is required'));
  }
  conditions.forEach((c, j) => {
    const at = `${path}.onPodConditions[${j}]`;
    const status = c.status ?? '';
    if (!CONDITION_STATUSES.includes(status)) errors.push(notSupportedError(`${at}.status`, status, CONDITION_STATUSES));
    if (!c.type) errors.push(requiredError(`${at}.type`));
    else errors.push(...validateLabelName(c.type, `${at}.type`));
  });
  if (rule.onExitCodes !== undefined) errors.push(...validateExitCodes(rule.onExitCodes, `${path}.onExitCodes`, containerNames));
  return errors;
}

function validateExitCodes(req: NonNullable<PodFailurePolicyRuleLike['onExitCodes']>, path: string, containerNames: Set<string | undefined>): FieldError[] {
  const errors: FieldError[] = [];
  if (req.containerName !== undefined && !containerNames.has(req.containerName)) {
    errors.push(invalidError(`${path}.containerName`, req.containerName, 'must be one of the container or initContainer names in the pod template'));
  }
  const operator = req.operator ?? '';
  if (operator !== 'In' && operator !== 'NotIn') errors.push(notSupportedError(`${path}.operator`, operator, ['In', 'NotIn']));
  const values = req.values ?? [];
  if (values.length === 0) errors.push(invalidError(`${path}.values`, values, 'at least one value is required'));
  else if (values.length > MAX_EXIT_CODE_VALUES) errors.push(tooManyError(`${path}.values`, values.length, MAX_EXIT_CODE_VALUES));
  const seen = new Set<number>();
  let previous: number | undefined;
  values.forEach((value, i) => {
    const at = `${path}.values[${i}]`;
    if (operator === 'In' && value === 0) errors.push(invalidError(at, value, 'must not be 0 for the In operator'));
    if (seen.has(value)) errors.push(duplicateError(at, value));
    if (previous !== undefined && previous > value) errors.push(invalidError(at, value, 'must be ordered'));
    seen.add(value);
    previous = value;
  });
  return errors;
}

/** validateSuccessPolicy: 1..20 rules, each naming indexes and/or a count within completions. */
export function validateSuccessPolicy(spec: JobSpecLike, path: string): FieldError[] {
  const rules = spec.successPolicy?.rules ?? [];
  const errors: FieldError[] = [];
  if (rules.length === 0) errors.push(requiredError(`${path}.rules`, 'at least one rules must be specified when the successPolicy is specified'));
  if (rules.length > MAX_SUCCESS_POLICY_RULES) errors.push(tooManyError(`${path}.rules`, rules.length, MAX_SUCCESS_POLICY_RULES));
  const completions = spec.completions ?? 0;
  rules.forEach((rule, i) => {
    const at = `${path}.rules[${i}]`;
    if (rule.succeededIndexes === undefined && rule.succeededCount === undefined) {
      errors.push(requiredError(at, 'at least one of succeededCount or succeededIndexes must be specified'));
    }
    let indexCount: number | undefined;
    if (rule.succeededIndexes !== undefined) {
      try {
        indexCount = parseIndexes(rule.succeededIndexes, completions).length;
      } catch (e) {
        errors.push(invalidError(`${at}.succeededIndexes`, rule.succeededIndexes, `error parsing succeededIndexes: ${(e as Error).message}`));
      }
    }
    const count = rule.succeededCount;
    if (count === undefined) return;
    if (count < 0) errors.push(invalidError(`${at}.succeededCount`, count, 'must be greater than or equal to 0'));
    else if (count > completions) {
      errors.push(invalidError(`${at}.succeededCount`, count, `must be less than or equal to ${completions} (the number of specified completions)`));
    } else if (indexCount !== undefined && count > indexCount) {
      errors.push(invalidError(`${at}.succeededCount`, count, `must be less than or equal to ${indexCount} (the number of indexes in the specified succeededIndexes field)`));
    }
  });
  return errors;
}
