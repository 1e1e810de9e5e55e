import { labelKeyProblem, labelValueProblem } from './label-validation.js';
import { parseInt64 } from './int64.js';
import { SelectorParseError } from './selector-parse-error.js';

/** Label-selector operators, named like the Go constants in k8s.io/apimachinery/pkg/selection. */
export type Operator = 'Equals' | 'DoubleEquals' | 'NotEquals' | 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'GreaterThan' | 'LessThan';

export const OPERATORS: readonly Operator[] = ['Equals', 'DoubleEquals', 'NotEquals', 'In', 'NotIn', 'Exists', 'DoesNotExist', 'GreaterThan', 'LessThan'];

/** One condition on one label key. Build with newRequirement so it is always valid. */
export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  /** Sorted. Empty for Exists/DoesNotExist, exactly one for =, ==, !=, >, <. */
  readonly values: readonly string[];
}

export function isOperator(value: unknown): value is Operator {
  return typeof value === 'string' && (OPERATORS as readonly string[]).includes(value);
}

/**
 * Problems that make (key, operator, values) an invalid requirement, mirroring
 * labels.NewRequirement. Empty when valid.
 */
export function requirementProblems(key: string, operator: string, values: readonly string[]): string[] {
  const problems: string[] = [];
  const keyProblem = labelKeyProblem(key);
  if (keyProblem) problems.push(keyProblem);
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) problems.push("for 'in', 'notin' operators, values set can't be empty");
      break;
    case 'Equals':
    case 'DoubleEquals':
    case 'NotEquals':
      if (values.length !== 1) problems.push('exact-match compatibility requires one single value');
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length !== 0) problems.push('values set must be empty for exists and does not exist');
      break;
    case 'GreaterThan':
    case 'LessThan':
      if (values.length !== 1) problems.push("for 'Gt', 'Lt' operators, exactly one value is required");
      for (const value of values) {
        if (parseInt64(value) === undefined) {
          problems.push(`invalid value "${value}" for key "${key}": for 'Gt', 'Lt' operators, the value must be an integer`);
        }
      }
      break;
    default:
      problems.push(`unsupported operator "${operator}": supported values: ${OPERATORS.join(', ')}`);
  }
  for (const value of values) {
    const valueProblem = labelValueProblem(key, value);
    if (valueProblem) problems.push(valueProblem);
  }
  return problems;
}

/**
 * Builds a validated Requirement (labels.NewRequirement). Values are sorted so equal
 * requirements compare equal; duplicates are kept, as Kubernetes does.
 * Throws SelectorParseError listing every problem.
 */
export function newRequirement(key: string, operator: Operator, values: readonly string[] = []): Requirement {
  const problems = requirementProblems(key, operator, values);
  if (problems.length > 0) throw new SelectorParseError(problems.join(', '));
  return { key, operator, values: [...values].sort() };
}
