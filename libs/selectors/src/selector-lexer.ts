// Tokenizer for label-selector text, after the Lexer in apimachinery pkg/labels/selector.go.

export type TokenKind =
  | 'EndOfString'
  | 'ClosedPar'
  | 'Comma'
  | 'DoesNotExist'
  | 'DoubleEquals'
  | 'Equals'
  | 'GreaterThan'
  | 'Identifier'
  | 'In'
  | 'LessThan'
  | 'NotEquals'
  | 'NotIn'
  | 'OpenPar';

export interface Token {
  readonly kind: TokenKind;
  readonly literal: string;
  /** Offset of the token's first character in the selector text. */
  readonly position: number;
}

const SYMBOLS = new Map<string, TokenKind>([
  [')', 'ClosedPar'],
  [',', 'Comma'],
  ['!', 'DoesNotExist'],
  ['==', 'DoubleEquals'],
  ['=', 'Equals'],
  ['>', 'GreaterThan'],
  ['<', 'LessThan'],
  ['!=', 'NotEquals'],
  ['(', 'OpenPar'],
]);
const KEYWORDS = new Map<string, TokenKind>([
  ['in', 'In'],
  ['notin', 'NotIn'],
]);

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string) => '=!(),><'.includes(ch);

/** Splits selector text into tokens; the last one is always EndOfString. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    while (pos < text.length && isWhitespace(text.charAt(pos))) pos++;
    const start = pos;
    if (pos >= text.length) {
      tokens.push({ kind: 'EndOfString', literal: '', position: start });
      return tokens;
    }
    if (isSpecialSymbol(text.charAt(pos))) {
      // Longest symbol wins: "!=" and "==" over "!" and "=". Every single symbol is a token.
      const pair = text.slice(pos, pos + 2);
      const literal = SYMBOLS.has(pair) ? pair : text.charAt(pos);
      tokens.push({ kind: SYMBOLS.get(literal)!, literal, position: start });
      pos += literal.length;
      continue;
    }
    while (pos < text.length && !isWhitespace(text.charAt(pos)) && !isSpecialSymbol(text.charAt(pos))) pos++;
    const literal = text.slice(start, pos);
    tokens.push({ kind: KEYWORDS.get(literal) ?? 'Identifier', literal, position: start });
  }
}
