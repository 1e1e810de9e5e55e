import { escapeFieldValue } from './field-value-escaping.js';

/** `=` and `==` mean the same for fields and both become Equals, as in Kubernetes. */
export type FieldOperator = 'Equals' | 'NotEquals';

export interface FieldRequirement {
  /** Field path such as `metadata.name` or `spec.nodeName`. */
  readonly field: string;
  readonly operator: FieldOperator;
  /** Unescaped value. */
  readonly value: string;
}

/** A field selector: the AND of its requirements. No requirements selects everything. */
export interface FieldSelector {
  readonly requirements: readonly FieldRequirement[];
}

/** fields.Selector.String(): `field=value` / `field!=value`, values escaped, comma-joined. */
export function fieldSelectorToString(selector: FieldSelector): string {
  return selector.requirements.map(({ field, operator, value }) => `${field}${operator === 'Equals' ? '=' : '!='}${escapeFieldValue(value)}`).join(',');
}
