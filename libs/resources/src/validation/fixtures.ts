import type { FieldError } from '../field-error.js';

/** Tests compare `field Type` pairs: precise about where and what, free of long message text. */
export function summarise(errors: readonly FieldError[]): string[] {
  return errors.map((e) => `${e.field} ${e.type}`);
}

/** Kubernetes' full one-line text of each error. */
export function fullText(errors: readonly FieldError[]): string[] {
  return errors.map((e) => `${e.field}: ${e.message}`);
}

/** A minimal valid pod spec; tests change one thing at a time. */
export function validSpec(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { containers: [{ name: 'app', image: 'nginx:1.25' }], ...overrides };
}

/** A valid spec whose only container has `container` merged in. */
export function specWithContainer(container: Record<string, unknown>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return validSpec({ containers: [{ name: 'app', image: 'nginx:1.25', ...container }], ...overrides });
}
