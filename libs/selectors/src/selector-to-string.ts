import type { Operator, Requirement } from './requirement.js';
import type { Selector } from './selector.js';

const OPERATOR_TEXT: Record<Operator, string> = {
  Equals: '=',
  DoubleEquals: '==',
  NotEquals: '!=',
  In: ' in ',
  NotIn: ' notin ',
  GreaterThan: '>',
  LessThan: '<',
  Exists: '',
  DoesNotExist: '',
};

/** Requirement.String(): `!key`, `key`, `key=v`, `key in (a,b)`, … with values sorted. */
export function requirementToString(requirement: Requirement): string {
  const { key, operator } = requirement;
  if (operator === 'Exists') return key;
  if (operator === 'DoesNotExist') return `!${key}`;
  const values = [...requirement.values].sort().join(',');
  const valueText = operator === 'In' || operator === 'NotIn' ? `(${values})` : values;
  return `${key}${OPERATOR_TEXT[operator]}${valueText}`;
}

/**
 * Selector.String(): the canonical text, requirements comma-joined in key order.
 * Both everything() and nothing() print as "" — as in Kubernetes.
 */
export function selectorToString(selector: Selector): string {
  return selector.requirements.map(requirementToString).join(',');
}
