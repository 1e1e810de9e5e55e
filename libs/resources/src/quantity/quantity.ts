/**
 * A parsed Kubernetes resource.Quantity. The amount is kept exactly, as an integer
 * count of nano-units, because the scheduler sums and compares these.
 */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** Exact amount in nano-units (1e-9 of a core or byte), rounded away from zero as Kubernetes does. */
  readonly nanos: bigint;
  /** Amount in milli-units, rounded up like resource.Quantity.MilliValue(). */
  readonly millis: bigint;
  /** Amount in base units (cores, bytes) as a float: for display and rough maths only. */
  readonly value: number;
  /** How the quantity was written, which decides its canonical form. */
  readonly format: QuantityFormat;
}

/** Kubernetes' error text for a string that is not a quantity (resource.ErrFormatWrong). */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export const NANOS_PER_UNIT = 1_000_000_000n;
