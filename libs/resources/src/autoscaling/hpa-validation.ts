// Kubernetes' pkg/apis/autoscaling/validation/validation.go (ValidateHorizontalPodAutoscaler), for autoscaling/v2.
import { forbiddenError, invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { parseQuantity } from '../quantity/index.js';
import { validateLabelSelector } from '../validation/label-selector.js';
import type {
  CrossVersionObjectReference,
  HPAScalingRules,
  HorizontalPodAutoscalerLike,
  HorizontalPodAutoscalerSpecLike,
  MetricIdentifier,
  MetricSpec,
  MetricTarget,
} from './hpa-types.js';

export const MAX_PERIOD_SECONDS = 1800;
export const MAX_STABILIZATION_WINDOW_SECONDS = 3600;
const METRIC_SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const SOURCE_FIELD: Record<string, keyof MetricSpec> = { Object: 'object', Pods: 'pods', Resource: 'resource', External: 'external', ContainerResource: 'containerResource' };
const SELECT_POLICIES = ['Disabled', 'Max', 'Min'];
const POLICY_TYPES = ['Percent', 'Pods'];
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const has = (v: unknown) => v !== undefined && v !== null;

export function validateHorizontalPodAutoscaler(hpa: HorizontalPodAutoscalerLike): FieldError[] {
  return validateHorizontalPodAutoscalerSpec(hpa.spec ?? {}, 'spec');
}

export function validateHorizontalPodAutoscalerSpec(spec: HorizontalPodAutoscalerSpecLike, path: string): FieldError[] {
  const errors: FieldError[] = [];
  // 0 needs the alpha HPAScaleToZero gate, which Wheelhouse does not have.
  if (has(spec.minReplicas) && spec.minReplicas! < 1) errors.push(invalidError(`${path}.minReplicas`, spec.minReplicas, 'must be greater than or equal to 1'));
  const max = spec.maxReplicas ?? 0;
  if (max < 1) errors.push(invalidError(`${path}.maxReplicas`, max, 'must be greater than 0'));
  if (has(spec.minReplicas) && max < spec.minReplicas!) errors.push(invalidError(`${path}.maxReplicas`, max, 'must be greater than or equal to `minReplicas`'));
  errors.push(...validateCrossVersionObjectReference(spec.scaleTargetRef ?? {}, `${path}.scaleTargetRef`));
  for (const [i, metric] of (spec.metrics ?? []).entries()) errors.push(...validateMetricSpec(metric, `${path}.metrics[${i}]`));
  if (spec.behavior) {
    errors.push(...validateScalingRules(spec.behavior.scaleUp, `${path}.behavior.scaleUp`));
    errors.push(...validateScalingRules(spec.behavior.scaleDown, `${path}.behavior.scaleDown`));
  }
  return errors;
}

/** IsValidPathSegmentName: not `.` or `..`, no `/` or `%`. */
function pathSegmentErrors(value: string, path: string): FieldError[] {
  if (value === '.' || value === '..') return [invalidError(path, value, `may not be '${value}'`)];
  return ['/', '%'].filter((c) => value.includes(c)).map((c) => invalidError(path, value, `may not contain '${c}'`));
}

export function validateCrossVersionObjectReference(ref: CrossVersionObjectReference, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!ref.kind) errors.push(requiredError(`${path}.kind`));
  else errors.push(...pathSegmentErrors(ref.kind, `${path}.kind`));
  if (!ref.name) errors.push(requiredError(`${path}.name`));
  else errors.push(...pathSegmentErrors(ref.name, `${path}.name`));
  return errors;
}

function validateMetricSpec(spec: MetricSpec, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const type = spec.type ?? '';
  if (!type) errors.push(requiredError(`${path}.type`, 'must specify a metric source type'));
  if (!METRIC_SOURCE_TYPES.includes(type)) errors.push(notSupportedError(`${path}.type`, type, METRIC_SOURCE_TYPES));
  const present = (['object', 'external', 'pods', 'resource', 'containerResource'] as const).filter((f) => has(spec[f]));
  // Only the first source present is validated, as upstream does.
  const first = present[0];
  if (first === 'object') errors.push(...validateObjectSource(spec.object!, `${path}.object`));
  if (first === 'external') errors.push(...validateExternalSource(spec.external!, `${path}.external`));
  if (first === 'pods') errors.push(...validatePodsSource(spec.pods!, `${path}.pods`));
  if (first === 'resource') errors.push(...validateResourceSource(spec.resource!, `${path}.resource`));
  if (first === 'containerResource') errors.push(...validateContainerResourceSource(spec.containerResource!, `${path}.containerResource`));
  const expected = SOURCE_FIELD[type];
  if (expected && !has(spec[expected])) errors.push(requiredError(`${path}.${expected}`, 'must populate information for the given metric source'));
  if (!expected && type) errors.push(notSupportedError(`${path}.type`, type, METRIC_SOURCE_TYPES));
  if (present.length !== 1) for (const f of present.filter((f) => f !== expected)) errors.push(forbiddenError(`${path}.${f}`, 'must populate the given metric source only'));
  return errors;
}

function validateResourceSource(src: NonNullable<MetricSpec['resource']>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!src.name) errors.push(requiredError(`${path}.name`, 'must specify a resource name'));
  errors.push(...validateUtilizationOrValue(src.target ?? {}, `${path}.target`));
  return errors;
}

function validateContainerResourceSource(src: NonNullable<MetricSpec['containerResource']>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!src.name) errors.push(requiredError(`${path}.name`, 'must specify a resource name'));
  if (!src.container) errors.push(requiredError(`${path}.container`, 'must specify a container'));
  else if (!DNS1123_LABEL.test(src.container) || src.container.length > 63) {
    errors.push(
      invalidError(
        `${path}.container`,
        src.container,
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ),
    );
  }
  errors.push(...validateUtilizationOrValue(src.target ?? {}, `${path}.target`));
  return errors;
}

function validateUtilizationOrValue(target: MetricTarget, path: string): FieldError[] {
  const errors = validateMetricTarget(target, path);
  if (!has(target.averageUtilization) && !has(target.averageValue))
    errors.push(requiredError(`${path}.averageUtilization`, 'must set either a target raw value or a target utilization'));
  if (has(target.averageUtilization) && has(target.averageValue))
    errors.push(forbiddenError(`${path}.averageValue`, 'may not set both a target raw value and a target utilization'));
  return errors;
}

function validatePodsSource(src: NonNullable<MetricSpec['pods']>, path: string): FieldError[] {
  const target = src.target ?? {};
  const errors = [...validateMetricIdentifier(src.metric ?? {}, `${path}.metric`), ...validateMetricTarget(target, `${path}.target`)];
  if (!has(target.averageValue)) errors.push(requiredError(`${path}.target.averageValue`, 'must specify a positive target averageValue'));
  return errors;
}

function validateObjectSource(src: NonNullable<MetricSpec['object']>, path: string): FieldError[] {
  const target = src.target ?? {};
  const errors = [
    ...validateCrossVersionObjectReference(src.describedObject ?? {}, `${path}.describedObject`),
    ...validateMetricIdentifier(src.metric ?? {}, `${path}.metric`),
    ...validateMetricTarget(target, `${path}.target`),
  ];
  if (!has(target.value) && !has(target.averageValue)) errors.push(requiredError(`${path}.target.averageValue`, 'must set either a target value or averageValue'));
  return errors;
}

function validateExternalSource(src: NonNullable<MetricSpec['external']>, path: string): FieldError[] {
  const target = src.target ?? {};
  const errors = [...validateMetricIdentifier(src.metric ?? {}, `${path}.metric`), ...validateMetricTarget(target, `${path}.target`)];
  if (!has(target.value) && !has(target.averageValue)) errors.push(requiredError(`${path}.target.averageValue`, 'must set either a target value for metric or a per-pod target'));
  if (has(target.value) && has(target.averageValue)) errors.push(forbiddenError(`${path}.target.value`, 'may not set both a target value for metric and a per-pod target'));
  return errors;
}

function validateMetricIdentifier(id: MetricIdentifier, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!id.name) errors.push(requiredError(`${path}.name`, 'must specify a metric name'));
  else errors.push(...pathSegmentErrors(id.name, `${path}.name`));
  if (has(id.selector)) errors.push(...validateLabelSelector(id.selector, `${path}.selector`));
  return errors;
}

/** A positive Quantity (a number or a string such as "500m"). */
function positive(value: string | number): boolean {
  const q = parseQuantity(value);
  return q !== null && q.nanos > 0n;
}

function validateMetricTarget(target: MetricTarget, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const type = target.type ?? '';
  if (!type) errors.push(requiredError(`${path}.type`, 'must specify a metric target type'));
  if (type !== 'Utilization' && type !== 'Value' && type !== 'AverageValue') errors.push(invalidError(`${path}.type`, type, 'must be either Utilization, Value, or AverageValue'));
  if (has(target.value) && !positive(target.value!)) errors.push(invalidError(`${path}.value`, target.value, 'must be positive'));
  if (has(target.averageValue) && !positive(target.averageValue!)) errors.push(invalidError(`${path}.averageValue`, target.averageValue, 'must be positive'));
  if (has(target.averageUtilization) && target.averageUtilization! < 1)
    errors.push(invalidError(`${path}.averageUtilization`, target.averageUtilization, 'must be greater than 0'));
  return errors;
}

function validateScalingRules(rules: HPAScalingRules | null | undefined, path: string): FieldError[] {
  if (!rules) return [];
  const errors: FieldError[] = [];
  const window = rules.stabilizationWindowSeconds;
  if (has(window) && window! < 0) errors.push(invalidError(`${path}.stabilizationWindowSeconds`, window, 'must be greater than or equal to zero'));
  if (has(window) && window! > MAX_STABILIZATION_WINDOW_SECONDS) {
    errors.push(invalidError(`${path}.stabilizationWindowSeconds`, window, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  }
  if (has(rules.selectPolicy) && !SELECT_POLICIES.includes(rules.selectPolicy!)) errors.push(notSupportedError(`${path}.selectPolicy`, rules.selectPolicy, SELECT_POLICIES));
  if (!rules.policies || rules.policies.length === 0) errors.push(requiredError(`${path}.policies`, 'must specify at least one Policy'));
  for (const [i, policy] of (rules.policies ?? []).entries()) {
    const at = `${path}.policies[${i}]`;
    if (policy.type !== 'Pods' && policy.type !== 'Percent') errors.push(notSupportedError(`${at}.type`, policy.type ?? '', POLICY_TYPES));
    if ((policy.value ?? 0) <= 0) errors.push(invalidError(`${at}.value`, policy.value ?? 0, 'must be greater than zero'));
    if ((policy.periodSeconds ?? 0) <= 0) errors.push(invalidError(`${at}.periodSeconds`, policy.periodSeconds ?? 0, 'must be greater than zero'));
    if ((policy.periodSeconds ?? 0) > MAX_PERIOD_SECONDS)
      errors.push(invalidError(`${at}.periodSeconds`, policy.periodSeconds, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  }
  return errors;
}
