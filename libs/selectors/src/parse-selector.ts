// Recursive-descent parser for label-selector text, following Parser in
// apimachinery pkg/labels/selector.go (same grammar, same error wording, plus positions).
//
//   selector    ::= "" | requirement ("," requirement)*
//   requirement ::= ["!"] KEY | KEY op VALUE | KEY ("in"|"notin") "(" [VALUE] ("," [VALUE])* ")"
//   op          ::= "=" | "==" | "!=" | ">" | "<"

import { labelKeyProblem, labelValueProblem } from './label-validation.js';
import { parseInt64 } from './int64.js';
import { newRequirement, type Operator, type Requirement } from './requirement.js';
import { SelectorParseError } from './selector-parse-error.js';
import { selectorOf, type Selector } from './selector.js';
import { tokenize, type Token, type TokenKind } from './selector-lexer.js';

const BINARY_OPERATORS = new Map<TokenKind, Operator>([
  ['In', 'In'],
  ['NotIn', 'NotIn'],
  ['Equals', 'Equals'],
  ['DoubleEquals', 'DoubleEquals'],
  ['NotEquals', 'NotEquals'],
  ['GreaterThan', 'GreaterThan'],
  ['LessThan', 'LessThan'],
]);
const BINARY_OPERATOR_LIST = 'in, notin, =, ==, !=, >, <';

const describe = (token: Token) => (token.kind === 'EndOfString' ? 'end of string' : `'${token.literal}'`);

/**
 * Token cursor. Only where an operator is expected (nextAsOperator) are "in"/"notin"
 * keywords; as keys and values they are plain identifiers, so `in=notin` and
 * `a in (in,notin)` parse, as in Kubernetes.
 */
class TokenStream {
  private index = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token {
    return asValue(this.current());
  }
  next(): Token {
    const token = this.current();
    this.index++;
    return asValue(token);
  }
  nextAsOperator(): Token {
    const token = this.current();
    this.index++;
    return token;
  }
  // The final EndOfString token repeats forever, so reading past the end is harmless.
  private current(): Token {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)]!;
  }
}

const asValue = (token: Token): Token => (token.kind === 'In' || token.kind === 'NotIn' ? { ...token, kind: 'Identifier' } : token);

/** Errors inside one requirement carry the same prefix as in Kubernetes. */
function requirementError(detail: string, position: number): SelectorParseError {
  return new SelectorParseError(`unable to parse requirement: ${detail}`, position);
}

/**
 * Parses label-selector text such as `app=web,tier in (a,b),!canary` into a Selector
 * with requirements sorted by key. Throws SelectorParseError on invalid text.
 */
export function parseSelector(text: string): Selector {
  const tokens = new TokenStream(tokenize(text));
  const requirements: Requirement[] = [];
  for (;;) {
    const first = tokens.peek();
    if (first.kind === 'EndOfString') return selectorOf(requirements);
    if (first.kind !== 'Identifier' && first.kind !== 'DoesNotExist') {
      throw new SelectorParseError(`found ${describe(first)}, expected: !, identifier, or 'end of string'`, first.position);
    }
    requirements.push(parseRequirement(tokens));
    const separator = tokens.next();
    if (separator.kind === 'EndOfString') return selectorOf(requirements);
    if (separator.kind !== 'Comma') {
      throw new SelectorParseError(`found ${describe(separator)}, expected: ',' or 'end of string'`, separator.position);
    }
    const following = tokens.peek();
    if (following.kind !== 'Identifier' && following.kind !== 'DoesNotExist') {
      throw new SelectorParseError(`found ${describe(following)}, expected: identifier after ','`, following.position);
    }
  }
}

function parseRequirement(tokens: TokenStream): Requirement {
  let keyToken = tokens.next();
  const negated = keyToken.kind === 'DoesNotExist';
  if (negated) keyToken = tokens.next();
  if (keyToken.kind !== 'Identifier') throw requirementError(`found ${describe(keyToken)}, expected: identifier`, keyToken.position);
  const key = keyToken.literal;
  const keyProblem = labelKeyProblem(key);
  if (keyProblem) throw requirementError(keyProblem, keyToken.position);

  // "!key" never takes an operator; anything after it is reported by the caller.
  if (negated) return newRequirement(key, 'DoesNotExist');
  const after = tokens.peek().kind;
  if (after === 'EndOfString' || after === 'Comma') return newRequirement(key, 'Exists');

  const operatorToken = tokens.nextAsOperator();
  const operator = BINARY_OPERATORS.get(operatorToken.kind);
  if (!operator) {
    throw requirementError(`found ${describe(operatorToken)}, expected: one of ${BINARY_OPERATOR_LIST}`, operatorToken.position);
  }
  const values = operator === 'In' || operator === 'NotIn' ? parseValueSet(tokens, key) : [parseExactValue(tokens, key, operator)];
  return newRequirement(key, operator, values);
}

/** The single value after =, ==, !=, >, <. A missing value means "" (`x=` is valid). */
function parseExactValue(tokens: TokenStream, key: string, operator: Operator): string {
  const next = tokens.peek();
  let value = '';
  if (next.kind !== 'EndOfString' && next.kind !== 'Comma') {
    const token = tokens.next();
    if (token.kind !== 'Identifier') throw requirementError(`found ${describe(token)}, expected: identifier`, token.position);
    value = token.literal;
  }
  checkValue(value, key, next.position);
  if ((operator === 'GreaterThan' || operator === 'LessThan') && parseInt64(value) === undefined) {
    throw requirementError(`invalid value "${value}" for key "${key}": for 'Gt', 'Lt' operators, the value must be an integer`, next.position);
  }
  return value;
}

/**
 * The parenthesised list after in/notin. Every slot between "(", "," and ")" is a value,
 * an empty slot being "": `()` is {""}, `(a,)` is {"", a}. Duplicates collapse.
 */
function parseValueSet(tokens: TokenStream, key: string): string[] {
  const open = tokens.next();
  if (open.kind !== 'OpenPar') throw requirementError(`found ${describe(open)}, expected: '('`, open.position);
  const values = new Set<string>();
  for (;;) {
    let token = tokens.peek();
    if (token.kind === 'Identifier') {
      checkValue(token.literal, key, token.position);
      values.add(tokens.next().literal);
      token = tokens.peek();
    } else if (token.kind === 'Comma' || token.kind === 'ClosedPar') {
      values.add('');
    } else {
      throw requirementError(`found ${describe(token)}, expected: identifier, ',' or ')'`, token.position);
    }
    tokens.next();
    if (token.kind === 'ClosedPar') return [...values];
    if (token.kind !== 'Comma') throw requirementError(`found ${describe(token)}, expected: ',' or ')'`, token.position);
  }
}

function checkValue(value: string, key: string, position: number): void {
  const problem = labelValueProblem(key, value);
  if (problem) throw requirementError(problem, position);
}
