import { ceilDiv } from './bigint-math.js';
import { parseQuantity } from './parse-quantity.js';
import { NANOS_PER_UNIT, type Quantity } from './quantity.js';

function toQuantity(q: Quantity | string | number): Quantity | null {
  return typeof q === 'object' ? q : parseQuantity(q);
}

/** CPU in millicores, rounded up like MilliValue(); null when `q` is not a quantity. */
export function quantityToMillis(q: Quantity | string | number): bigint | null {
  return toQuantity(q)?.millis ?? null;
}

/** Whole base units (bytes for memory), rounded up like Value(); null when `q` is not a quantity. */
export function quantityToBytes(q: Quantity | string | number): bigint | null {
  const quantity = toQuantity(q);
  if (!quantity) return null;
  const magnitude = ceilDiv(quantity.nanos < 0n ? -quantity.nanos : quantity.nanos, NANOS_PER_UNIT);
  return quantity.nanos < 0n ? -magnitude : magnitude;
}

/** Exact comparison: negative when a < b, zero when equal, positive when a > b. */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}
