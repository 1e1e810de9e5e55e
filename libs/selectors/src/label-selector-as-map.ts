import type { LabelSelector } from './label-selector.js';
import { SelectorParseError } from './selector-parse-error.js';

/**
 * metav1.LabelSelectorAsMap: the equality-only map form older APIs use (a
 * ReplicationController's spec.selector). Only matchLabels and single-value `In`
 * expressions convert; anything else throws SelectorParseError.
 * Returns null for a null/undefined selector, as Go returns a nil map.
 */
export function labelSelectorAsMap(labelSelector: LabelSelector): Record<string, string>;
export function labelSelectorAsMap(labelSelector: LabelSelector | null | undefined): Record<string, string> | null;
export function labelSelectorAsMap(labelSelector: LabelSelector | null | undefined): Record<string, string> | null {
  if (labelSelector == null) return null;
  // A Map then fromEntries, so a key like "__proto__" becomes an ordinary property.
  const map = new Map<string, string>(Object.entries(labelSelector.matchLabels ?? {}));
  for (const expression of labelSelector.matchExpressions ?? []) {
    const values = expression.values ?? [];
    switch (expression.operator) {
      case 'In':
        if (values.length !== 1) {
          throw new SelectorParseError(`operator "${expression.operator}" without a single value cannot be converted into the old label selector format`);
        }
        map.set(expression.key, values[0]!);
        break;
      case 'NotIn':
      case 'Exists':
      case 'DoesNotExist':
        throw new SelectorParseError(`operator "${expression.operator}" cannot be converted into the old label selector format`);
      default:
        throw new SelectorParseError(`"${String(expression.operator)}" is not a valid selector operator`);
    }
  }
  return Object.fromEntries(map);
}
