/** Detail strings shared with apimachinery's pkg/util/validation, so our errors read like Kubernetes'. */

/** validation.RegexError: the rule, examples, and the regex itself. */
export function regexError(message: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${format}')`;
  const shown = examples.map((e) => `'${e}'`).join(' or ');
  return `${message} (e.g. ${shown}, regex used for validation is '${format}')`;
}

export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

export const EMPTY_ERROR = 'must be non-empty';

export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

export const NEGATIVE_ERROR = 'must be greater than or equal to 0';
export const NOT_POSITIVE_ERROR = 'must be greater than 0';
export const NOT_INTEGER_ERROR = 'must be an integer';
export const IMMUTABLE_ERROR = 'field is immutable';
