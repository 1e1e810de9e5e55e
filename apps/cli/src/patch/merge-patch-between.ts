/**
 * The JSON merge patch (RFC 7386) that turns `from` into `to`: maps are diffed key by key
 * (a removed key becomes null), anything else that differs is sent whole. Client-side
 * patch types (strategic, json) and `edit` compute the object they want and send this,
 * with the read's resourceVersion as a precondition, since the API takes merge patches.
 */
type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

export function mergePatchBetween(from: JsonObject, to: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const key of Object.keys(from)) if (!(key in to) && from[key] !== null && from[key] !== undefined) patch[key] = null;
  for (const [key, value] of Object.entries(to)) {
    const before = from[key];
    if (isObject(value) && isObject(before)) {
      const inner = mergePatchBetween(before, value);
      if (Object.keys(inner).length > 0) patch[key] = inner;
    } else if (JSON.stringify(value) !== JSON.stringify(before) && !(value === null && before === undefined)) {
      patch[key] = value;
    }
  }
  return patch;
}
