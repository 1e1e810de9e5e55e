// Backslash escaping of field-selector values (apimachinery pkg/fields EscapeValue /
// UnescapeValue): `\\`, `\,` and `\=` let a value contain the separators.

/** Escapes `\`, `,` and `=` so the value survives a round trip through selector text. */
export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (ch) => `\\${ch}`);
}

/** Why an escaped value could not be unescaped, with the offset of the problem in it. */
export interface UnescapeProblem {
  readonly detail: string;
  readonly offset: number;
}

/** Undoes escapeFieldValue. An unknown escape or a bare `,`/`=` is a problem, as in Go. */
export function unescapeFieldValue(escaped: string): { value: string } | { problem: UnescapeProblem } {
  let value = '';
  let slashAt = -1;
  let offset = 0;
  for (const ch of escaped) {
    if (slashAt >= 0) {
      if (ch !== '\\' && ch !== ',' && ch !== '=') {
        return { problem: { detail: `invalid field selector: invalid escape sequence: \\${ch}`, offset: slashAt } };
      }
      value += ch;
      slashAt = -1;
    } else if (ch === '\\') {
      slashAt = offset;
    } else if (ch === ',' || ch === '=') {
      return { problem: { detail: `invalid field selector: unescaped character in value: ${ch}`, offset } };
    } else {
      value += ch;
    }
    offset += ch.length;
  }
  if (slashAt >= 0) return { problem: { detail: 'invalid field selector: invalid escape sequence: \\', offset: slashAt } };
  return { value };
}
