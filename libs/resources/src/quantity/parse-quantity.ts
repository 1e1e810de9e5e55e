import { ceilDiv, ceilDivPow10, pow10 } from './bigint-math.js';
import { NANOS_PER_UNIT, type Quantity, type QuantityFormat } from './quantity.js';
import { parseSuffix } from './suffix.js';

/** Sign, integer digits, optional fraction, then a suffix checked separately. */
const NUMBER_AND_SUFFIX = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/s;

/**
 * Parses Kubernetes resource.Quantity syntax ("100m", "0.5", "1Gi", "1e3", "-2k").
 * Returns null for anything Kubernetes would reject; never throws. Numbers are
 * accepted as JSON numbers are by Kubernetes.
 */
export function parseQuantity(input: string | number): Quantity | null {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    text = String(input);
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    return null;
  }
  const match = NUMBER_AND_SUFFIX.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = '', suffixText = ''] = match;
  if (whole.length + fraction.length === 0) return null;
  const suffix = parseSuffix(suffixText);
  if (!suffix) return null;

  const mantissa = BigInt(whole + fraction || '0');
  const scale = fraction.length;
  let magnitude: bigint;
  let format: QuantityFormat;
  if (suffix.base === 10) {
    const shift = 9 + suffix.exponent - scale;
    magnitude = shift >= 0 ? mantissa * pow10(shift) : ceilDivPow10(mantissa, -shift);
    format = suffix.exponentForm ? 'DecimalExponent' : 'DecimalSI';
  } else {
    magnitude = ceilDiv(mantissa * (1n << BigInt(suffix.exponent)) * NANOS_PER_UNIT, pow10(scale));
    // Kubernetes shows binary quantities below one unit in decimal form (e.g. 0.5Ki is not a byte count).
    format = magnitude > 0n && magnitude < NANOS_PER_UNIT ? 'DecimalSI' : 'BinarySI';
  }
  return quantityFromNanos(sign === '-' ? -magnitude : magnitude, format);
}

/** Builds a Quantity from an exact nano-unit amount. */
export function quantityFromNanos(nanos: bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
  const magnitude = nanos < 0n ? -nanos : nanos;
  const millis = ceilDiv(magnitude, 1_000_000n);
  return {
    nanos: nanos === 0n ? 0n : nanos,
    millis: nanos < 0n ? -millis : millis,
    value: Number(nanos) / 1e9,
    format,
  };
}

/** True when `input` is valid Kubernetes quantity syntax. */
export function isQuantity(input: unknown): input is string | number {
  return (typeof input === 'string' || typeof input === 'number') && parseQuantity(input) !== null;
}
