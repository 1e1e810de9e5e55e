import type { LabelSelector, LabelSelectorJson } from './label-selector.js';
import { newRequirement, type Operator, type Requirement } from './requirement.js';
import { SelectorParseError } from './selector-parse-error.js';
import { everything, nothing, selectorOf, type Selector } from './selector.js';

const API_OPERATORS = new Map<string, Operator>([
  ['In', 'In'],
  ['NotIn', 'NotIn'],
  ['Exists', 'Exists'],
  ['DoesNotExist', 'DoesNotExist'],
]);

/**
 * metav1.LabelSelectorAsSelector. A null/undefined LabelSelector selects nothing, while
 * an empty one ({}) selects everything — the distinction Kubernetes makes for e.g. a
 * PodDisruptionBudget without a selector. Throws SelectorParseError for an invalid
 * requirement or operator (also a missing key or operator: objects as the API hands them
 * out are accepted as they are, and checked here).
 */
export function labelSelectorToSelector(labelSelector: LabelSelector | LabelSelectorJson | null | undefined): Selector {
  if (labelSelector == null) return nothing();
  const matchLabels = Object.entries(labelSelector.matchLabels ?? {});
  const matchExpressions = labelSelector.matchExpressions ?? [];
  if (matchLabels.length + matchExpressions.length === 0) return everything();

  const requirements: Requirement[] = matchLabels.map(([key, value]) => newRequirement(key, 'Equals', [value]));
  for (const expression of matchExpressions) {
    const operator = API_OPERATORS.get(expression.operator ?? '');
    if (!operator) throw new SelectorParseError(`"${String(expression.operator)}" is not a valid label selector operator`);
    requirements.push(newRequirement(expression.key ?? '', operator, expression.values ?? []));
  }
  return selectorOf(requirements);
}
