// Label selector → PostgreSQL boolean expression over a JSONB column of string labels.
// Every key and value travels as a bind parameter; only the column expression (trusted,
// supplied by our own code) and fixed SQL are part of the text.

import { DECIMAL_INTEGER_PATTERN } from './int64.js';
import type { Requirement } from './requirement.js';
import type { Selector } from './selector.js';

/** Appends `value` to `params` and returns its `$N` placeholder. */
type Bind = (value: unknown) => string;

/**
 * Translates `selector` to SQL over `column` (e.g. `"labels"` or `p."labels"`), appending
 * bind parameters to `params` and numbering placeholders from `params.length + 1`.
 * Returns `TRUE` for the empty selector and `FALSE` for nothing(); otherwise one
 * parenthesised expression that is never NULL for a non-NULL column.
 * Equality and existence use `@>` and `?`, which a GIN index on the column serves.
 */
export function selectorToSql(selector: Selector, column: string, params: unknown[]): string {
  if (selector.matchesNothing) return 'FALSE';
  if (selector.requirements.length === 0) return 'TRUE';
  const bind: Bind = (value) => {
    params.push(value);
    return `$${params.length}`;
  };
  const clauses = selector.requirements.map((requirement) => requirementToSql(requirement, column, bind));
  return clauses.length === 1 ? clauses[0]! : `(${clauses.join(' AND ')})`;
}

function requirementToSql(requirement: Requirement, column: string, bind: Bind): string {
  const { key, operator, values } = requirement;
  switch (operator) {
    case 'Equals':
    case 'DoubleEquals':
      return `(${column} @> ${bind(JSON.stringify({ [key]: values[0] }))}::jsonb)`;
    case 'NotEquals':
      return `(NOT (${column} @> ${bind(JSON.stringify({ [key]: values[0] }))}::jsonb))`;
    case 'Exists':
      return `(${column} ? ${bind(key)}::text)`;
    case 'DoesNotExist':
      return `(NOT (${column} ? ${bind(key)}::text))`;
    case 'In': {
      // The `?` both lets the GIN index narrow rows and keeps the result FALSE, not NULL, when absent.
      const k = bind(key);
      return `(${column} ? ${k}::text AND (${column} ->> ${k}::text) = ANY(${bind([...values])}::text[]))`;
    }
    case 'NotIn': {
      const k = bind(key);
      return `(NOT (${column} ? ${k}::text) OR NOT ((${column} ->> ${k}::text) = ANY(${bind([...values])}::text[])))`;
    }
    case 'GreaterThan':
    case 'LessThan':
      return integerComparisonSql(column, bind(key), operator === 'GreaterThan' ? '>' : '<', bind(values[0]));
  }
}

const INT64_RANGE = 'BETWEEN -9223372036854775808 AND 9223372036854775807';

/**
 * `label > bound` / `label < bound` with Kubernetes semantics: an absent, non-integer or
 * out-of-int64-range label never matches. CASE fixes the evaluation order, so the cast
 * only ever sees text the regex (and range check) accepted — AND would not guarantee that.
 */
function integerComparisonSql(column: string, keyParam: string, comparison: '>' | '<', boundParam: string): string {
  const label = `(${column} ->> ${keyParam}::text)`;
  return (
    `(CASE WHEN NOT COALESCE(${label} ~ '${DECIMAL_INTEGER_PATTERN}', FALSE) THEN FALSE` +
    ` WHEN ${label}::numeric NOT ${INT64_RANGE} THEN FALSE` +
    ` ELSE ${label}::bigint ${comparison} ${boundParam}::bigint END)`
  );
}
