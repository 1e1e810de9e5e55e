import { labelSelectorToSelector, matches, selectorFromSet, type LabelSelector } from '@wheelhouse/selectors';
import { invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { validateLabels } from './labels.js';
import { validatePodSpec } from './pod.js';
import { validateLabelSelector, validateNonEmptySelector } from './label-selector.js';
import { jsonEqual } from './json-diff.js';

interface WorkloadSpec {
  replicas?: number;
  minReadySeconds?: number;
  selector?: unknown;
  template?: { metadata?: { labels?: Record<string, string> }; spec?: unknown };
}

/**
 * What ReplicaSets, ReplicationControllers and Deployments share: a non-negative
 * replica count, a selector that matches the template's labels, a valid pod template
 * whose pods restart Always. `selectorIsMap` is the v1 ReplicationController form.
 */
export function validateWorkloadSpec(spec: WorkloadSpec | undefined, options: { selectorIsMap: boolean }): FieldError[] {
  const errors: FieldError[] = [];
  const s = spec ?? {};
  if (s.replicas !== undefined && (!Number.isInteger(s.replicas) || s.replicas < 0)) {
    errors.push(invalidError('spec.replicas', s.replicas, 'must be greater than or equal to 0'));
  }
  if (s.minReadySeconds !== undefined && s.minReadySeconds < 0) {
    errors.push(invalidError('spec.minReadySeconds', s.minReadySeconds, 'must be greater than or equal to 0'));
  }
  if (!s.template) return [...errors, requiredError('spec.template')];
  const templateLabels = s.template.metadata?.labels ?? {};
  errors.push(...validateLabels(templateLabels, 'spec.template.metadata.labels'));
  if (options.selectorIsMap) {
    errors.push(...validateLabels(s.selector ?? {}, 'spec.selector'));
    if (Object.keys((s.selector as object) ?? {}).length === 0) errors.push(requiredError('spec.selector'));
  } else if (s.selector === undefined) {
    errors.push(requiredError('spec.selector'));
  } else {
    errors.push(...validateLabelSelector(s.selector, 'spec.selector'), ...validateNonEmptySelector(s.selector, 'spec.selector'));
  }
  if (errors.length === 0 && !selectorMatches(s.selector, templateLabels, options.selectorIsMap)) {
    errors.push(invalidError('spec.template.metadata.labels', templateLabels, '`selector` does not match template `labels`'));
  }
  errors.push(...validatePodSpec(s.template.spec ?? {}, 'spec.template.spec'));
  const restartPolicy = (s.template.spec as { restartPolicy?: string } | undefined)?.restartPolicy;
  if (restartPolicy !== undefined && restartPolicy !== 'Always') {
    errors.push(notSupportedError('spec.template.spec.restartPolicy', restartPolicy, ['Always']));
  }
  return errors;
}

function selectorMatches(selector: unknown, labels: Record<string, string>, isMap: boolean): boolean {
  const parsed = isMap ? selectorFromSet(selector as Record<string, string>) : labelSelectorToSelector(selector as LabelSelector);
  return matches(parsed, labels);
}

/** apps/v1: the selector of a ReplicaSet or Deployment never changes. */
export function validateSelectorImmutable(next: { spec?: { selector?: unknown } }, prev: { spec?: { selector?: unknown } }): FieldError[] {
  if (jsonEqual(next.spec?.selector ?? null, prev.spec?.selector ?? null)) return [];
  return [invalidError('spec.selector', next.spec?.selector ?? null, 'field is immutable')];
}
