// Node selector terms (component-helpers/scheduling/corev1/nodeaffinity): terms are ORed,
// the expressions and fields inside one term ANDed. An invalid or empty term matches nothing.
import { newRequirement, requirementMatches, type Operator, type Requirement } from '@wheelhouse/selectors';
import type { Node, NodeSelectorRequirement, NodeSelectorTerm } from '@wheelhouse/model';
import type { Labels } from './types.js';

const OPERATORS: Readonly<Record<string, Operator>> = {
  In: 'In',
  NotIn: 'NotIn',
  Exists: 'Exists',
  DoesNotExist: 'DoesNotExist',
  Gt: 'GreaterThan',
  Lt: 'LessThan',
};

function labelRequirement(r: NodeSelectorRequirement): Requirement | null {
  const operator = OPERATORS[r.operator ?? ''];
  if (!operator) return null;
  try {
    return newRequirement(r.key ?? '', operator, r.values ?? []);
  } catch {
    return null;
  }
}

// Only metadata.name is a supported node field, with In/NotIn and exactly one value.
function fieldMatches(r: NodeSelectorRequirement, node: Node): boolean | null {
  if (r.key !== 'metadata.name' || (r.values ?? []).length !== 1) return null;
  const equal = r.values![0] === node.metadata.name;
  if (r.operator === 'In') return equal;
  if (r.operator === 'NotIn') return !equal;
  return null;
}

/** Whether a single term matches the node (false for an empty or invalid term). */
export function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length + fields.length === 0) return false;
  const labels: Labels = node.metadata.labels ?? {};
  for (const expression of expressions) {
    const requirement = labelRequirement(expression);
    if (!requirement || !requirementMatches(requirement, labels)) return false;
  }
  for (const field of fields) if (fieldMatches(field, node) !== true) return false;
  return true;
}

/** Whether any of the terms matches (an empty list matches nothing). */
export function anyTermMatches(terms: readonly NodeSelectorTerm[], node: Node): boolean {
  return terms.some((term) => termMatches(term, node));
}
