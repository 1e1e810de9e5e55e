import { parseInt64 } from './int64.js';
import type { Requirement } from './requirement.js';
import type { Selector } from './selector.js';

/** Labels as stored on an object: label key → value. */
export type Labels = Readonly<Record<string, string>>;

// Own properties only, so keys like "constructor" are never found on the prototype.
const labelOf = (labels: Labels, key: string): string | undefined => (Object.hasOwn(labels, key) ? labels[key] : undefined);

/** Requirement.Matches: whether one requirement holds for `labels`. */
export function requirementMatches(requirement: Requirement, labels: Labels): boolean {
  const value = labelOf(labels, requirement.key);
  switch (requirement.operator) {
    case 'In':
    case 'Equals':
    case 'DoubleEquals':
      return value !== undefined && requirement.values.includes(value);
    case 'NotIn':
    case 'NotEquals':
      // Absent keys satisfy negative matches, as in Kubernetes.
      return value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'GreaterThan':
    case 'LessThan': {
      if (value === undefined || requirement.values.length !== 1) return false;
      const actual = parseInt64(value);
      const bound = parseInt64(requirement.values[0]!);
      // A label value that is not an integer never matches.
      if (actual === undefined || bound === undefined) return false;
      return requirement.operator === 'GreaterThan' ? actual > bound : actual < bound;
    }
    default:
      return false;
  }
}

/** Whether every requirement of `selector` holds for `labels`. The empty selector matches all. */
export function matches(selector: Selector, labels: Labels): boolean {
  if (selector.matchesNothing) return false;
  return selector.requirements.every((requirement) => requirementMatches(requirement, labels));
}
