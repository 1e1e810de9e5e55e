import { abs } from './bigint-math.js';
import { parseQuantity } from './parse-quantity.js';
import { NANOS_PER_UNIT, type Quantity } from './quantity.js';
import { binarySuffixFor, decimalSuffixFor } from './suffix.js';

/**
 * Kubernetes' canonical text of a quantity (Quantity.String()): "0.5" → "500m",
 * "1000" → "1k", "2048Ki" → "2Mi", "1.5Gi" → "1536Mi", "1e3" stays "1e3".
 */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  const sign = q.nanos < 0n ? '-' : '';
  const magnitude = abs(q.nanos);
  if (q.format === 'BinarySI') {
    const binary = formatBinary(magnitude);
    if (binary !== undefined) return sign + binary;
  }
  return sign + formatDecimal(magnitude, q.format === 'DecimalExponent');
}

/** Formats a quantity given as text or a number; null when it is not a quantity. */
export function canonicalQuantity(input: string | number): string | null {
  const q = parseQuantity(input);
  return q ? formatQuantity(q) : null;
}

/** Whole units divided by 1024 while exact; undefined when Kubernetes would fall back to decimal. */
function formatBinary(magnitude: bigint): string | undefined {
  // Below 1Ki, or with a fractional byte count, Kubernetes prints the decimal form.
  if (magnitude < 1024n * NANOS_PER_UNIT || magnitude % NANOS_PER_UNIT !== 0n) return undefined;
  let units = magnitude / NANOS_PER_UNIT;
  let power = 0;
  while (power < 6 && units % 1024n === 0n) {
    units /= 1024n;
    power += 1;
  }
  return `${units}${power === 0 ? '' : binarySuffixFor(power)}`;
}

/** Smallest integer mantissa with a power-of-ten exponent that is a multiple of 3. */
function formatDecimal(magnitude: bigint, exponentForm: boolean): string {
  let mantissa = magnitude;
  let exponent = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent += 1;
  }
  const excess = ((exponent % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(excess);
  exponent -= excess;
  if (exponentForm) return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
  if (exponent > 18) {
    // Past exa there is no SI suffix: spell the zeros out.
    mantissa *= 10n ** BigInt(exponent - 18);
    exponent = 18;
  }
  return `${mantissa}${decimalSuffixFor(exponent) ?? ''}`;
}
