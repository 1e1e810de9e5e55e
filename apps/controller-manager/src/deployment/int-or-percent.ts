// intstr.GetScaledValueFromIntOrPercent: "25%" of a total, or an absolute number.
import type { IntOrString } from '../common/vocabulary.js';

/**
 * Scales a percentage of `total`, rounding up or down; a number is returned as is.
 * Throws for a string that is not `<integer>%`, as Kubernetes returns an error.
 */
export function scaledValueFromIntOrPercent(value: IntOrString, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return Math.trunc(value);
  if (!value.endsWith('%')) throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  const digits = value.slice(0, -1);
  // strconv.Atoi: optional sign, decimal digits only.
  if (!/^[+-]?[0-9]+$/.test(digits)) throw new Error(`invalid value for IntOrString: invalid value "${value}"`);
  const percent = Number(digits);
  const scaled = (percent * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}
