import type { FieldSelector } from './field-selector.js';
import { SelectorParseError } from './selector-parse-error.js';

/**
 * Rejects a field selector naming a field the kind cannot be selected by, with the
 * message Kubernetes gives (`field label not supported: spec.foo`).
 */
export function checkFieldsSupported(selector: FieldSelector, supported: readonly string[]): void {
  for (const { field } of selector.requirements) {
    if (!supported.includes(field)) throw new SelectorParseError(`field label not supported: ${field}`);
  }
}
