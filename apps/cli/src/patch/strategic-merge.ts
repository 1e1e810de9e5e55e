/**
 * Kubernetes' strategic merge patch (apimachinery's strategicpatch) for the kinds Wheelhouse
 * serves: lists with a merge key (containers by name, env by name, container ports by
 * containerPort, ...) are merged item by item instead of replaced, `finalizers` merge as a
 * set, and the `$patch: replace|delete`, `$deleteFromPrimitiveList/<field>` and
 * `$setElementOrder/<field>` directives are understood. Lists without a merge key are
 * replaced, as upstream does for atomic lists.
 */
type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The patchMergeKey of each list field in Kubernetes' Go types, by field name and, where names repeat, by parent. */
function mergeKeyOf(field: string, parent: string | undefined): string | undefined {
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'imagePullSecrets':
    case 'env':
    case 'resourceClaims':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'volumeDevices':
      return 'devicePath';
    case 'hostAliases':
      return 'ip';
    case 'conditions':
    case 'addresses':
      return 'type';
    case 'ownerReferences':
      return 'uid';
    case 'topologySpreadConstraints':
      return 'topologyKey';
    // A container's ports merge by containerPort; a Service's by port.
    case 'ports':
      return parent === 'containers' || parent === 'initContainers' || parent === 'ephemeralContainers' ? 'containerPort' : 'port';
    default:
      return undefined;
  }
}

/** Lists of scalars that merge as sets (patchStrategy "merge" without a key). */
const PRIMITIVE_MERGE = new Set(['finalizers']);

/** `original` with `patch` applied; neither is modified. `field` names the object (a list item is named by its list). */
export function strategicMerge(original: Json, patch: Json, field?: string): Json {
  if (!isObject(patch)) return patch;
  if (patch.$patch === 'replace') return withoutDirectives(patch);
  if (patch.$patch === 'delete') return undefined;
  const result: JsonObject = isObject(original) ? { ...original } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key.startsWith('$setElementOrder/') || key === '$retainKeys') continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const target = key.slice('$deleteFromPrimitiveList/'.length);
      const drop = new Set((Array.isArray(value) ? value : []).map((v) => JSON.stringify(v)));
      if (Array.isArray(result[target])) result[target] = (result[target] as Json[]).filter((v) => !drop.has(JSON.stringify(v)));
      continue;
    }
    if (value === null) {
      delete result[key];
      continue;
    }
    const merged = Array.isArray(value) ? mergeList(result[key], value, key, field) : strategicMerge(result[key], value, key);
    if (merged === undefined) delete result[key];
    else result[key] = merged;
  }
  return result;
}

function mergeList(original: Json, patch: Json[], field: string, parent: string | undefined): Json[] {
  const current = Array.isArray(original) ? original : [];
  // `[{$patch: replace}, ...items]`: the list becomes exactly the other items.
  if (patch.some((item) => isObject(item) && item.$patch === 'replace' && Object.keys(item).length === 1)) {
    return patch.filter((item) => !(isObject(item) && item.$patch === 'replace')).map(withoutDirectives);
  }
  if (PRIMITIVE_MERGE.has(field)) return [...current, ...patch.filter((v) => !current.some((c) => JSON.stringify(c) === JSON.stringify(v)))];
  const key = mergeKeyOf(field, parent);
  if (!key || !patch.every(isObject)) return patch.map(withoutDirectives);
  const result = [...current];
  for (const item of patch as JsonObject[]) {
    const at = result.findIndex((existing) => isObject(existing) && JSON.stringify(existing[key]) === JSON.stringify(item[key]));
    if (item.$patch === 'delete') {
      if (at >= 0) result.splice(at, 1);
      continue;
    }
    if (at >= 0) result[at] = strategicMerge(result[at], item, field);
    else result.push(withoutDirectives(item));
  }
  return result;
}

function withoutDirectives(v: Json): Json {
  if (Array.isArray(v)) return v.map(withoutDirectives);
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, child] of Object.entries(v)) if (!k.startsWith('$')) out[k] = withoutDirectives(child);
  return out;
}
