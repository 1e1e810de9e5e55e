import { labelSelectorToSelector, matches, type LabelSelector } from '@wheelhouse/selectors';
import { invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { validateLabels } from '../validation/labels.js';
import { validateLabelSelector } from '../validation/label-selector.js';
import { validatePodSpec } from '../validation/pod.js';
import { jsonEqual } from '../validation/json-diff.js';
import type { DaemonSetLike, DaemonSetSpecLike } from './daemonset-types.js';

const PERCENT = /^(\d+)%$/;
const STRATEGIES = ['RollingUpdate', 'OnDelete'];

/** Kubernetes' ValidateDaemonSet (pkg/apis/apps/validation): the spec rules, with upstream messages. */
export function validateDaemonSet(ds: DaemonSetLike): FieldError[] {
  return validateDaemonSetSpec(ds.spec ?? {});
}

/** ValidateDaemonSetUpdate: the spec rules again, and the selector never changes. */
export function validateDaemonSetUpdate(next: DaemonSetLike, prev: DaemonSetLike): FieldError[] {
  const errors: FieldError[] = [];
  if (!jsonEqual(next.spec?.selector ?? null, prev.spec?.selector ?? null)) {
    errors.push(invalidError('spec.selector', next.spec?.selector ?? null, 'field is immutable'));
  }
  return errors;
}

export function validateDaemonSetSpec(spec: DaemonSetSpecLike): FieldError[] {
  const errors: FieldError[] = [];
  const template = spec.template;
  if (spec.selector === undefined || spec.selector === null) {
    errors.push(requiredError('spec.selector'));
  } else {
    const selectorErrors = validateLabelSelector(spec.selector, 'spec.selector');
    errors.push(...selectorErrors);
    const s = spec.selector as LabelSelector;
    if (selectorErrors.length === 0 && !matches(labelSelectorToSelector(s), template?.metadata?.labels ?? {})) {
      errors.push(invalidError('spec.template.metadata.labels', template?.metadata?.labels ?? {}, '`selector` does not match template `labels`'));
    }
    if (Object.keys(s.matchLabels ?? {}).length + (s.matchExpressions ?? []).length === 0) {
      errors.push(invalidError('spec.selector', spec.selector, 'empty selector is invalid for daemonset'));
    }
  }
  if (!template) {
    errors.push(requiredError('spec.template'));
  } else {
    errors.push(...validateLabels(template.metadata?.labels ?? {}, 'spec.template.metadata.labels'));
    errors.push(...validatePodSpec(template.spec ?? {}, 'spec.template.spec'));
    const restartPolicy = template.spec?.restartPolicy;
    if (restartPolicy !== 'Always') errors.push(notSupportedError('spec.template.spec.restartPolicy', restartPolicy ?? '', ['Always']));
    if (template.spec?.activeDeadlineSeconds !== undefined && template.spec.activeDeadlineSeconds !== null) {
      errors.push(invalidError('spec.template.spec.activeDeadlineSeconds', template.spec.activeDeadlineSeconds, 'activeDeadlineSeconds in DaemonSet is not Supported'));
    }
  }
  errors.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errors.push(...validateUpdateStrategy(spec.updateStrategy ?? {}));
  errors.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errors;
}

/** ValidateDaemonSetUpdateStrategy: RollingUpdate (which needs its parameters) or OnDelete. */
function validateUpdateStrategy(strategy: NonNullable<DaemonSetSpecLike['updateStrategy']>): FieldError[] {
  const path = 'spec.updateStrategy';
  if (strategy.type === 'OnDelete') return [];
  if (strategy.type !== 'RollingUpdate') return [notSupportedError(path, strategy, STRATEGIES)];
  const rolling = strategy.rollingUpdate;
  if (!rolling) return [requiredError(`${path}.rollingUpdate`)];
  const at = `${path}.rollingUpdate`;
  const errors = [...positiveIntOrPercent(rolling.maxUnavailable, `${at}.maxUnavailable`), ...positiveIntOrPercent(rolling.maxSurge, `${at}.maxSurge`)];
  errors.push(...notMoreThan100Percent(rolling.maxUnavailable, `${at}.maxUnavailable`), ...notMoreThan100Percent(rolling.maxSurge, `${at}.maxSurge`));
  const hasUnavailable = intOrPercentValue(rolling.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(rolling.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errors.push(invalidError(`${at}.maxSurge`, rolling.maxSurge, 'may not be set when maxUnavailable is non-zero'));
  if (!hasUnavailable && !hasSurge) errors.push(requiredError(`${at}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errors;
}

function nonNegative(value: number | undefined, path: string): FieldError[] {
  if (value === undefined || value === null) return [];
  return Number.isInteger(value) && value >= 0 ? [] : [invalidError(path, value, 'must be greater than or equal to 0')];
}

/** ValidatePositiveIntOrPercent: a non-negative integer or `N%`. */
function positiveIntOrPercent(value: number | string | undefined, path: string): FieldError[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'number') return nonNegative(value, path);
  if (PERCENT.test(value)) return [];
  return [invalidError(path, value, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
}

function notMoreThan100Percent(value: number | string | undefined, path: string): FieldError[] {
  if (typeof value !== 'string') return [];
  const match = PERCENT.exec(value);
  return match && Number(match[1]) > 100 ? [invalidError(path, value, 'must not be greater than 100%')] : [];
}

/** getIntOrPercentValue: the number of either form (a malformed percentage counts as 0, as upstream). */
function intOrPercentValue(value: number | string | undefined): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return value;
  const match = PERCENT.exec(value);
  return match ? Number(match[1]) : 0;
}
