/**
 * Returns the document unchanged; the tag only lets editors highlight GraphQL.
 * Interpolation is for document fragments, never values: values go in variables,
 * because the server caches parsed documents by their text.
 */
export function gql(strings: TemplateStringsArray, ...fragments: string[]): string {
  return strings.reduce((out, s, i) => out + s + (i < fragments.length ? fragments[i] : ''), '');
}
