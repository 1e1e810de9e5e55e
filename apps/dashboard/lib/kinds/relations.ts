import type { AnyObject, LabelSelector, OwnerReference } from './objects.ts';
import { selectorString } from './workload.ts';

/** Objects whose ownerReferences name one of the given owner uids. */
export function ownedBy<T extends AnyObject>(objects: readonly T[], ownerUids: ReadonlySet<string>): T[] {
  return objects.filter((o) => (o.metadata.ownerReferences ?? []).some((ref) => ref.uid && ownerUids.has(ref.uid)));
}

/** The controller owner, as kubectl describe shows "Controlled By". */
export function controllerOf(object: AnyObject): OwnerReference | undefined {
  const refs = object.metadata.ownerReferences ?? [];
  return refs.find((r) => r.controller) ?? refs[0];
}

/** A workload's selector as an API labelSelector argument; undefined when it has none. */
export function selectorQuery(selector: LabelSelector | Record<string, string> | null | undefined): string | undefined {
  const text = selectorString(selector);
  return text === '<none>' ? undefined : text;
}

/** Drops null, undefined, empty strings, arrays and objects, recursively: what is left is worth showing. */
export function compact(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(compact).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, compact(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value === null || value === undefined || value === '' ? undefined : value;
}
