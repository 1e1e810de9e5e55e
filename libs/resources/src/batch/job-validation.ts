import { labelSelectorToSelector, matches, type LabelSelector } from '@wheelhouse/selectors';
import { forbiddenError, invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { validateLabels } from '../validation/labels.js';
import { validateLabelSelector } from '../validation/label-selector.js';
import { validatePodSpec } from '../validation/pod.js';
import { jsonEqual } from '../validation/json-diff.js';
import {
  COMPLETIONS_SOFT_LIMIT,
  JOB_CONTROLLER_UID_LABEL,
  JOB_NAME_LABEL,
  LEGACY_CONTROLLER_UID_LABEL,
  LEGACY_JOB_NAME_LABEL,
  MAX_PARALLELISM_INDEXED,
  PARALLELISM_LIMIT_HIGH_COMPLETIONS,
} from './job-labels.js';
import { validatePodFailurePolicy, validateSuccessPolicy } from './job-policies.js';
import type { JobLike, JobSpecLike } from './job-types.js';

const nonNegative = (value: number | undefined, path: string): FieldError[] =>
  value !== undefined && (!Number.isInteger(value) || value < 0) ? [invalidError(path, value, 'must be greater than or equal to 0')] : [];

/** Kubernetes' ValidateJob: the generated selector, then the spec. */
export function validateJob(job: JobLike): FieldError[] {
  return [...validateGeneratedSelector(job), ...validateJobSpec(job.spec ?? {}, 'spec')];
}

/** ValidateJobSpec: validateJobSpec plus a selector that exists and matches the template. */
export function validateJobSpec(spec: JobSpecLike, path: string): FieldError[] {
  const errors = validateJobSpecBody(spec, path);
  if (spec.selector === undefined) errors.push(requiredError(`${path}.selector`));
  else errors.push(...validateLabelSelector(spec.selector, `${path}.selector`));
  const labels = spec.template?.metadata?.labels ?? {};
  if (spec.selector !== undefined && !selectorMatches(spec.selector, labels)) {
    errors.push(invalidError(`${path}.template.metadata.labels`, labels, '`selector` does not match template `labels`'));
  }
  return errors;
}

/** validateJobSpec: what a Job and a CronJob's jobTemplate share. */
export function validateJobSpecBody(spec: JobSpecLike, path: string): FieldError[] {
  const errors: FieldError[] = [
    ...nonNegative(spec.parallelism, `${path}.parallelism`),
    ...nonNegative(spec.completions, `${path}.completions`),
    ...nonNegative(spec.activeDeadlineSeconds, `${path}.activeDeadlineSeconds`),
    ...nonNegative(spec.backoffLimit, `${path}.backoffLimit`),
    ...nonNegative(spec.ttlSecondsAfterFinished, `${path}.ttlSecondsAfterFinished`),
  ];
  const indexed = spec.completionMode === 'Indexed';
  if (spec.backoffLimitPerIndex !== undefined) {
    errors.push(...nonNegative(spec.backoffLimitPerIndex, `${path}.backoffLimitPerIndex`));
    if (!indexed) errors.push(forbiddenError(`${path}.backoffLimitPerIndex`, 'requires indexed completion mode'));
  }
  if (spec.maxFailedIndexes !== undefined) {
    errors.push(...nonNegative(spec.maxFailedIndexes, `${path}.maxFailedIndexes`));
    if (spec.backoffLimitPerIndex === undefined) errors.push(requiredError(`${path}.backoffLimitPerIndex`, 'when maxFailedIndexes is specified'));
  }
  if (spec.completionMode !== undefined && spec.completionMode !== 'NonIndexed' && spec.completionMode !== 'Indexed') {
    errors.push(notSupportedError(`${path}.completionMode`, spec.completionMode, ['Indexed', 'NonIndexed']));
  }
  if (indexed) errors.push(...validateIndexedLimits(spec, path));
  else if (spec.successPolicy !== undefined) errors.push(invalidError(`${path}.successPolicy`, spec.successPolicy, 'requires indexed completion mode'));
  if (spec.podFailurePolicy !== undefined) errors.push(...validatePodFailurePolicy(spec, `${path}.podFailurePolicy`));
  if (spec.successPolicy !== undefined && indexed) errors.push(...validateSuccessPolicy(spec, `${path}.successPolicy`));
  errors.push(...validatePodReplacementPolicy(spec, `${path}.podReplacementPolicy`));
  const template = spec.template;
  if (!template) return [...errors, requiredError(`${path}.template`)];
  errors.push(...validateLabels(template.metadata?.labels ?? {}, `${path}.template.metadata.labels`));
  errors.push(...validatePodSpec(template.spec ?? {}, `${path}.template.spec`));
  errors.push(...validateRestartPolicy(spec, `${path}.template.spec.restartPolicy`));
  return errors;
}

function validateIndexedLimits(spec: JobSpecLike, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (spec.completions === undefined) errors.push(requiredError(`${path}.completions`, 'when completion mode is Indexed'));
  if (spec.parallelism !== undefined && spec.parallelism > MAX_PARALLELISM_INDEXED) {
    errors.push(invalidError(`${path}.parallelism`, spec.parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
  }
  if (spec.maxFailedIndexes !== undefined) {
    if (spec.completions !== undefined && spec.maxFailedIndexes > spec.completions) {
      errors.push(invalidError(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, 'must be less than or equal to completions'));
    }
    if (spec.maxFailedIndexes > MAX_PARALLELISM_INDEXED) {
      errors.push(invalidError(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, `must be less than or equal to ${MAX_PARALLELISM_INDEXED}`));
    }
  }
  if (spec.completions !== undefined && spec.completions > COMPLETIONS_SOFT_LIMIT && spec.backoffLimitPerIndex !== undefined) {
    if (spec.maxFailedIndexes === undefined) {
      errors.push(requiredError(`${path}.maxFailedIndexes`, `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`));
    }
    if (spec.parallelism !== undefined && spec.parallelism > PARALLELISM_LIMIT_HIGH_COMPLETIONS) {
      errors.push(
        invalidError(
          `${path}.parallelism`,
          spec.parallelism,
          `must be less than or equal to ${PARALLELISM_LIMIT_HIGH_COMPLETIONS} when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`,
        ),
      );
    }
  }
  return errors;
}

function validatePodReplacementPolicy(spec: JobSpecLike, path: string): FieldError[] {
  const policy = spec.podReplacementPolicy;
  if (policy === undefined) return [];
  if (spec.podFailurePolicy !== undefined) return policy === 'Failed' ? [] : [notSupportedError(path, policy, ['Failed'])];
  return policy === 'Failed' || policy === 'TerminatingOrFailed' ? [] : [notSupportedError(path, policy, ['Failed', 'TerminatingOrFailed'])];
}

/** Defaulting may have set Always; a Job's pods must end, so OnFailure or Never (Never with a podFailurePolicy). */
function validateRestartPolicy(spec: JobSpecLike, path: string): FieldError[] {
  const policy = spec.template?.spec?.restartPolicy;
  if (policy === undefined || policy === '' || policy === 'Always') return [requiredError(path, 'valid values: "OnFailure", "Never"')];
  // Pod validation already refuses a policy outside Always/OnFailure/Never.
  if (policy !== 'OnFailure' && policy !== 'Never') return [];
  if (spec.podFailurePolicy !== undefined && policy !== 'Never') return [invalidError(path, policy, 'only "Never" is supported when podFailurePolicy is specified')];
  return [];
}

/**
 * ValidateGeneratedSelector: unless the selector is manual, the template carries the
 * uid and name labels and the selector selects them, so no other controller's pods match.
 */
export function validateGeneratedSelector(job: JobLike): FieldError[] {
  const spec = job.spec ?? {};
  if (spec.manualSelector === true || spec.selector === undefined) return [];
  const errors: FieldError[] = [];
  const uid = job.metadata?.uid ?? '';
  const name = job.metadata?.name ?? '';
  if (uid === '') errors.push(requiredError('metadata.uid'));
  const labels = spec.template?.metadata?.labels ?? {};
  const expected: Record<string, string> = {
    [LEGACY_CONTROLLER_UID_LABEL]: uid,
    [LEGACY_JOB_NAME_LABEL]: name,
    [JOB_CONTROLLER_UID_LABEL]: uid,
    [JOB_NAME_LABEL]: name,
  };
  for (const [key, value] of Object.entries(expected)) {
    const at = `spec.template.metadata.labels[${key}]`;
    if (!(key in labels)) errors.push(requiredError(at, value));
    else if (labels[key] !== value) errors.push(invalidError(at, labels, value));
  }
  if (!selectorMatches(spec.selector, expected)) errors.push(invalidError('spec.selector', spec.selector, '`selector` not auto-generated'));
  return errors;
}

/** ValidateJobSpecUpdate: the immutable parts of a Job's spec. */
export function validateJobUpdate(next: JobLike, prev: JobLike): FieldError[] {
  const n = next.spec ?? {};
  const p = prev.spec ?? {};
  const errors: FieldError[] = [];
  const immutable = (field: keyof JobSpecLike) => {
    if (!jsonEqual(n[field] ?? null, p[field] ?? null)) errors.push(invalidError(`spec.${field}`, n[field] ?? null, 'field is immutable'));
  };
  // Elastic Indexed Jobs: completions may change together with parallelism, kept equal.
  const elastic = n.completionMode === 'Indexed' && p.completionMode === 'Indexed' && n.completions === n.parallelism && p.completions === p.parallelism;
  if (!elastic) immutable('completions');
  immutable('selector');
  immutable('completionMode');
  immutable('podFailurePolicy');
  immutable('successPolicy');
  immutable('backoffLimitPerIndex');
  immutable('manualSelector');
  // The pod template may change only while the Job is suspended and has never started (scheduling directives).
  const neverStarted = p.suspend === true && prev.status?.startTime === undefined;
  if (!neverStarted) immutable('template');
  return errors;
}

function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  try {
    return matches(labelSelectorToSelector(selector as LabelSelector), labels);
  } catch {
    return false;
  }
}
