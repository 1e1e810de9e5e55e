const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** The regex Go's strconv.ParseInt(s, 10, 64) accepts (before the range check). */
export const DECIMAL_INTEGER_PATTERN = '^[-+]?[0-9]+$';
const decimalInteger = new RegExp(DECIMAL_INTEGER_PATTERN);

/**
 * Parses `text` the way Go's strconv.ParseInt(text, 10, 64) does, which is what
 * Kubernetes uses for the Gt/Lt operators: optional sign, decimal digits, int64 range.
 * Returns undefined where Go returns an error.
 */
export function parseInt64(text: string): bigint | undefined {
  if (!decimalInteger.test(text)) return undefined;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}
