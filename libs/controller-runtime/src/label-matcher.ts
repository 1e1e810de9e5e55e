export type Labels = Readonly<Record<string, string>>;

/**
 * Which objects a list wants: a set of labels that must all be present with these
 * values (answered from the label index), or any predicate, e.g. a parsed
 * selector from @wheelhouse/selectors: `(labels) => matches(selector, labels)`.
 */
export type LabelMatcher = Labels | ((labels: Labels) => boolean);

export function matchesLabels(matcher: LabelMatcher, labels: Labels): boolean {
  if (typeof matcher === 'function') return matcher(labels);
  return Object.entries(matcher).every(([k, v]) => labels[k] === v);
}

/** The label index's entry for one pair. `=` cannot occur in a label key. */
export const labelPair = (key: string, value: string) => `${key}=${value}`;
