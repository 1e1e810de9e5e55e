/**
 * Resource quantities as kubectl's describe adds and prints them (apimachinery's Quantity:
 * exact sums in milli-units, printed canonically in the first term's format). Browser-safe.
 */

export interface Quantity {
  milli: bigint;
  /** BinarySI (`Ki`, `Mi`…) rather than DecimalSI. */
  binary: boolean;
}

export const ZERO: Quantity = { milli: 0n, binary: false };

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -3, u: -2, m: -1, '': 0, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };

/** `250m`, `1.5Gi`, `2e3`; undefined for text that is not a quantity. */
export function parseQuantity(text: string | null | undefined): Quantity | undefined {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/.exec((text ?? '').trim());
  if (!m) return undefined;
  const [, sign, whole, fraction = '', exponent, suffix = ''] = m;
  const binary = suffix in BINARY;
  // The number scaled to an integer: digits × 10^-fraction.length, then the suffix's factor, then milli.
  let numerator = BigInt(whole! + fraction) * 1000n;
  let denominator = 10n ** BigInt(fraction.length);
  if (binary) numerator *= 1024n ** BigInt(BINARY[suffix]!);
  else {
    const power = exponent ? Number(exponent.slice(1)) : 3 * DECIMAL[suffix]!;
    if (power >= 0) numerator *= 10n ** BigInt(power);
    else denominator *= 10n ** BigInt(-power);
  }
  // Quantities round up to the milli-unit, as MilliValue does.
  const milli = (numerator + denominator - 1n) / denominator;
  return { milli: sign === '-' ? -milli : milli, binary };
}

export function addQuantities(a: Quantity, b: Quantity): Quantity {
  // A sum keeps the format of its first non-zero term, as Quantity.Add keeps the receiver's.
  return { milli: a.milli + b.milli, binary: a.milli === 0n ? b.binary : a.binary };
}

/** Canonical text: `0`, `350m`, `2`, `2k`, `128Mi`, `1Gi`. */
export function formatQuantity(q: Quantity): string {
  if (q.milli === 0n) return '0';
  const sign = q.milli < 0n ? '-' : '';
  const milli = q.milli < 0n ? -q.milli : q.milli;
  if (milli % 1000n !== 0n) return `${sign}${milli}m`;
  const units = milli / 1000n;
  if (q.binary && units >= 1024n) {
    const suffixes = Object.keys(BINARY);
    let value = units;
    let at = -1;
    while (value % 1024n === 0n && at < suffixes.length - 1) {
      value /= 1024n;
      at++;
    }
    if (at >= 0) return `${sign}${value}${suffixes[at]}`;
  }
  const suffixes = ['', 'k', 'M', 'G', 'T', 'P', 'E'];
  let value = units;
  let at = 0;
  while (value % 1000n === 0n && at < suffixes.length - 1) {
    value /= 1000n;
    at++;
  }
  return `${sign}${value}${suffixes[at]}`;
}

/** kubectl's `int64(float64(part) / float64(whole) * 100)`; 0 of nothing is 0. */
export function percentOf(part: Quantity, whole: Quantity | undefined): number {
  if (!whole || whole.milli === 0n) return 0;
  return Math.trunc((Number(part.milli) / Number(whole.milli)) * 100);
}
