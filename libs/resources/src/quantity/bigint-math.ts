/** Integer helpers for exact quantity arithmetic. */

export function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/** Divides two non-negative integers, rounding up: Kubernetes rounds quantities up so small requests never become zero. */
export function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

/** Divides by 10^exponent rounding up, without building huge powers for tiny results. */
export function ceilDivPow10(numerator: bigint, exponent: number): bigint {
  if (numerator === 0n) return 0n;
  if (exponent > numerator.toString().length) return 1n;
  return ceilDiv(numerator, pow10(exponent));
}

export function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}
