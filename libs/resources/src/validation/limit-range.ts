import { forbiddenError, invalidError, notSupportedError, type FieldError } from '../field-error.js';
import { formatQuantity, type Quantity } from '../quantity/index.js';
import { indexPath, keyPath } from './field-path.js';
import { isJsonObject, readObject, readObjectArray, readString, type JsonObject } from './json.js';
import { validateResourceQuantity } from './resource-quantity.js';

export const LIMIT_TYPES = ['Pod', 'Container', 'PersistentVolumeClaim'] as const;
const BOUNDS = ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const;

/** ValidateLimitRange: known types, valid quantities, min ≤ defaultRequest ≤ default ≤ max, ratios ≥ 1; no defaults for Pod. */
export function validateLimitRange(limitRange: unknown): FieldError[] {
  const l: JsonObject = isJsonObject(limitRange) ? limitRange : {};
  const errors: FieldError[] = [];
  const spec = readObject(l.spec, 'spec', errors) ?? {};
  for (const { item, index } of readObjectArray(spec.limits, 'spec.limits', errors)) {
    const path = indexPath('spec.limits', index);
    const type = readString(item.type, `${path}.type`, errors) ?? '';
    if (!(LIMIT_TYPES as readonly string[]).includes(type)) errors.push(notSupportedError(`${path}.type`, type, LIMIT_TYPES));
    const parsed: Record<string, Map<string, Quantity>> = {};
    for (const bound of BOUNDS) {
      parsed[bound] = new Map();
      const list = readObject(item[bound], `${path}.${bound}`, errors) ?? {};
      for (const [resource, raw] of Object.entries(list)) {
        const { errors: e, quantity } = validateResourceQuantity(resource, raw, keyPath(`${path}.${bound}`, resource));
        errors.push(...e);
        if (quantity) parsed[bound]!.set(resource, quantity);
      }
    }
    if (type === 'Pod') {
      if (parsed.default!.size > 0) errors.push(forbiddenError(`${path}.default`, "may not be specified when `type` is 'Pod'"));
      if (parsed.defaultRequest!.size > 0) errors.push(forbiddenError(`${path}.defaultRequest`, "may not be specified when `type` is 'Pod'"));
    }
    errors.push(...orderErrors(path, parsed));
  }
  return errors;
}

const q = (x: Quantity) => formatQuantity(x);

/** The orderings Kubernetes checks, with its messages. */
function orderErrors(path: string, p: Record<string, Map<string, Quantity>>): FieldError[] {
  const errors: FieldError[] = [];
  const resources = new Set(BOUNDS.flatMap((b) => [...p[b]!.keys()]));
  for (const r of resources) {
    const [min, max, def, req, ratio] = [p.min!.get(r), p.max!.get(r), p.default!.get(r), p.defaultRequest!.get(r), p.maxLimitRequestRatio!.get(r)];
    const at = (bound: string) => keyPath(`${path}.${bound}`, r);
    if (min && max && min.nanos > max.nanos) errors.push(invalidError(at('min'), q(min), `min value ${q(min)} is greater than max value ${q(max)}`));
    if (req && min && min.nanos > req.nanos) errors.push(invalidError(at('defaultRequest'), q(req), `min value ${q(min)} is greater than default request value ${q(req)}`));
    if (req && max && req.nanos > max.nanos) errors.push(invalidError(at('defaultRequest'), q(req), `default request value ${q(req)} is greater than max value ${q(max)}`));
    if (req && def && req.nanos > def.nanos)
      errors.push(invalidError(at('defaultRequest'), q(req), `default request value ${q(req)} is greater than default limit value ${q(def)}`));
    if (def && min && min.nanos > def.nanos) errors.push(invalidError(at('default'), q(min), `min value ${q(min)} is greater than default value ${q(def)}`));
    if (def && max && def.nanos > max.nanos) errors.push(invalidError(at('default'), q(max), `default value ${q(def)} is greater than max value ${q(max)}`));
    if (ratio && ratio.nanos < 1_000_000_000n) errors.push(invalidError(at('maxLimitRequestRatio'), q(ratio), `ratio ${q(ratio)} is less than 1`));
    if (ratio && min && max && min.nanos > 0n) {
      const maxRatio = Number(max.nanos) / Number(min.nanos);
      if (ratio.value > maxRatio) errors.push(invalidError(at('maxLimitRequestRatio'), q(ratio), `ratio ${q(ratio)} is greater than max/min = ${maxRatio.toFixed(6)}`));
    }
  }
  return errors;
}
