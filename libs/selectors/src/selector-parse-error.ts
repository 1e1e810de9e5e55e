/**
 * Thrown for any selector that cannot be accepted: bad label- or field-selector text,
 * an invalid requirement, or a metav1.LabelSelector that cannot be converted.
 * Callers map it to a user-input error (HTTP 400 / BAD_USER_INPUT).
 */
export class SelectorParseError extends Error {
  /**
   * Offset in the selector text (UTF-16 code units) where the problem was found, or
   * undefined when the input was not text (a requirement or LabelSelector object).
   */
  readonly position: number | undefined;

  constructor(detail: string, position?: number) {
    super(position === undefined ? detail : `${detail} at position ${position}`);
    this.name = 'SelectorParseError';
    this.position = position;
  }
}
