import { KIND_CATALOGUE, type KindName, type ObjectTypes, operationNames, SELECTIONS } from '@wheelhouse/model';
import type { KindDef } from './kind.ts';
import { printerColumns } from './printer-columns.ts';

/**
 * A kind's dashboard list, learned from the catalogue: title, URL path, scope, GraphQL
 * fields and the scale action come from KIND_CATALOGUE, the columns are kubectl's
 * (@wheelhouse/printers), the selection is the whole object. Pass only what differs:
 * a narrower selection for big lists, decorated columns, more actions.
 */
/** `ReplicaSets`, `Endpoints`, `NetworkPolicies`: the kind with its resource's plural ending, else the GraphQL plural capitalised. */
export function kindTitle(k: { kind: string; resource: string; plural: string }): string {
  const lower = k.kind.toLowerCase();
  if (k.resource.startsWith(lower)) return k.kind + k.resource.slice(lower.length);
  return k.plural[0]!.toUpperCase() + k.plural.slice(1);
}

export function listKind<K extends KindName>(kind: K, overrides: Partial<Omit<KindDef<ObjectTypes[K]>, 'kind'>> = {}): KindDef<ObjectTypes[K]> {
  const identity = KIND_CATALOGUE[kind];
  const names = operationNames(identity);
  return {
    kind,
    title: kindTitle(identity),
    path: identity.resource,
    namespaced: identity.namespaced,
    fields: { get: names.get, list: names.list, watch: names.watch },
    listSelection: (SELECTIONS as Record<string, string>)[kind]!,
    columns: printerColumns(kind),
    ...(identity.scalable ? { actions: { scale: names.scale } } : {}),
    ...overrides,
  };
}
