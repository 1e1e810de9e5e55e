import type { Labels } from './matches.js';
import { newRequirement } from './requirement.js';
import { selectorOf, type Selector } from './selector.js';

/**
 * A selector matching exactly the given labels (`key=value` for each), as
 * labels.ValidatedSelectorFromSet: an empty set selects everything, and an invalid
 * key or value throws SelectorParseError rather than silently selecting more.
 */
export function selectorFromSet(labels: Labels | null | undefined): Selector {
  const requirements = Object.entries(labels ?? {}).map(([key, value]) => newRequirement(key, 'Equals', [value]));
  return selectorOf(requirements);
}
