// @wheelhouse/selectors — Kubernetes label and field selectors: parsing, canonical
// strings, in-memory matching and translation to PostgreSQL.

export { SelectorParseError } from './selector-parse-error.js';

export {
  dns1123SubdomainErrors,
  qualifiedNameErrors,
  labelValueErrors,
  labelKeyProblem,
  labelValueProblem,
} from './label-validation.js';

export { type Operator, type Requirement, OPERATORS, isOperator, newRequirement, requirementProblems } from './requirement.js';
export { type Selector, everything, nothing, selectorOf, matchesEverything } from './selector.js';
export { parseSelector } from './parse-selector.js';
export { selectorToString, requirementToString } from './selector-to-string.js';
export { type Labels, matches, requirementMatches } from './matches.js';
export { selectorFromSet } from './selector-from-set.js';
export type { LabelSelector, LabelSelectorJson, LabelSelectorOperator, LabelSelectorRequirement } from './label-selector.js';
export { labelSelectorToSelector } from './label-selector-to-selector.js';
export { labelSelectorAsMap } from './label-selector-as-map.js';
export { selectorToSql } from './selector-to-sql.js';

export { type FieldOperator, type FieldRequirement, type FieldSelector, fieldSelectorToString } from './field-selector.js';
export { escapeFieldValue, unescapeFieldValue } from './field-value-escaping.js';
export { parseFieldSelector } from './parse-field-selector.js';
export { type Fields, matchesFields } from './matches-fields.js';
export { checkFieldsSupported } from './check-fields-supported.js';
