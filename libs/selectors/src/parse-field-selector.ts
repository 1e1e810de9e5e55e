// Field-selector text (`metadata.name=x,status.phase!=Running`), after parseSelector in
// apimachinery pkg/fields/selector.go.

import type { FieldOperator, FieldRequirement, FieldSelector } from './field-selector.js';
import { unescapeFieldValue } from './field-value-escaping.js';
import { SelectorParseError } from './selector-parse-error.js';

interface Term {
  readonly text: string;
  readonly position: number;
}

/** Comma-separated terms; a backslash-escaped comma stays inside its term. */
function splitTerms(text: string): Term[] {
  if (text === '') return [];
  const terms: Term[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (escaped) escaped = false;
    else if (ch === '\\') escaped = true;
    else if (ch === ',') {
      terms.push({ text: text.slice(start, i), position: start });
      start = i + 1;
    }
  }
  terms.push({ text: text.slice(start), position: start });
  return terms;
}

// "!=" and "==" are tried before "=" so the value never keeps a leading "=".
const TERM_OPERATORS: readonly [string, FieldOperator][] = [
  ['!=', 'NotEquals'],
  ['==', 'Equals'],
  ['=', 'Equals'],
];

/** Splits at the first operator; field names take no escapes. */
function splitTerm(term: string): { field: string; operator: FieldOperator; rest: number } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const [symbol, operator] of TERM_OPERATORS) {
      if (term.startsWith(symbol, i)) return { field: term.slice(0, i), operator, rest: i + symbol.length };
    }
  }
  return undefined;
}

const byText = (a: Term, b: Term) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);

/**
 * Parses field-selector text. Terms come out sorted by their text (as Kubernetes sorts
 * them) and empty terms are skipped, so "" selects everything. Field names are not
 * checked here; see checkFieldsSupported. Throws SelectorParseError.
 */
export function parseFieldSelector(text: string): FieldSelector {
  const requirements: FieldRequirement[] = [];
  for (const term of splitTerms(text).sort(byText)) {
    if (term.text === '') continue;
    const parts = splitTerm(term.text);
    if (!parts) throw new SelectorParseError(`invalid selector: '${text}'; can't understand '${term.text}'`, term.position);
    const unescaped = unescapeFieldValue(term.text.slice(parts.rest));
    if ('problem' in unescaped) {
      throw new SelectorParseError(unescaped.problem.detail, term.position + parts.rest + unescaped.problem.offset);
    }
    requirements.push({ field: parts.field, operator: parts.operator, value: unescaped.value });
  }
  return { requirements };
}
