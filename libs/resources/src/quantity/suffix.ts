/** The suffixes of resource.Quantity (k8s.io/apimachinery/pkg/api/resource/suffix.go). */

/** Decimal SI suffix → power of ten. Note lower-case `k` and that `E` alone means exa. */
export const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

/** Binary SI suffix → power of two. */
export const BINARY_SUFFIXES: Readonly<Record<string, number>> = {
  Ki: 10,
  Mi: 20,
  Gi: 30,
  Ti: 40,
  Pi: 50,
  Ei: 60,
};

export type ParsedSuffix = { base: 10; exponent: number; exponentForm: boolean } | { base: 2; exponent: number };

/** Largest decimal exponent accepted (`1e1000`): far beyond any real resource, and keeps bigints small. */
const MAX_DECIMAL_EXPONENT = 1000;

export function parseSuffix(suffix: string): ParsedSuffix | null {
  if (Object.hasOwn(DECIMAL_SUFFIXES, suffix)) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix]!, exponentForm: false };
  if (Object.hasOwn(BINARY_SUFFIXES, suffix)) return { base: 2, exponent: BINARY_SUFFIXES[suffix]! };
  const match = /^[eE]([+-]?\d+)$/.exec(suffix);
  if (!match) return null;
  const exponent = Number(match[1]);
  if (!Number.isSafeInteger(exponent) || exponent > MAX_DECIMAL_EXPONENT) return null;
  return { base: 10, exponent, exponentForm: true };
}

/** Power of ten (a multiple of 3 from -9 to 18) → decimal SI suffix. */
export function decimalSuffixFor(exponent: number): string | undefined {
  return Object.keys(DECIMAL_SUFFIXES).find((s) => DECIMAL_SUFFIXES[s] === exponent);
}

/** Power of 1024 (1 to 6) → binary SI suffix. */
export function binarySuffixFor(power1024: number): string | undefined {
  return Object.keys(BINARY_SUFFIXES).find((s) => BINARY_SUFFIXES[s] === power1024 * 10);
}
