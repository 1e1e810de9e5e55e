import type { FieldSelector } from './field-selector.js';

/** Selectable field values of one object: field path → value. */
export type Fields = Readonly<Record<string, string>>;

/**
 * Whether every requirement holds. A missing field reads as "" (fields.Set.Get), so
 * `spec.nodeName=` selects objects without the field, as in Kubernetes.
 */
export function matchesFields(selector: FieldSelector, fields: Fields): boolean {
  return selector.requirements.every(({ field, operator, value }) => {
    const actual = Object.hasOwn(fields, field) ? fields[field] : '';
    return operator === 'Equals' ? actual === value : actual !== value;
  });
}
