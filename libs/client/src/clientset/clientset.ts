import { KIND_CATALOGUE, type Catalogue, type KindName, type ObjectTypes } from '@wheelhouse/model';
import type { WheelhouseClient } from '../client.js';
import { Operations } from './operations.js';
import { ResourceClient } from './resource-client.js';

/** One typed client per kind, by its GraphQL plural: `clientset.pods`, `clientset.replicaSets`. */
export type KindClients = { readonly [K in KindName as Catalogue[K]['plural']]: ResourceClient<ObjectTypes[K]> };

export type Clientset = KindClients & {
  /** Every other operation (bind, evict, drain, logs, metrics, history, apply, rollout…), typed. */
  readonly ops: Operations;
  readonly client: WheelhouseClient;
  /** The client of a kind by name, for code generic over kinds (garbage collector, `wh get`). */
  kind<K extends KindName>(kind: K): ResourceClient<ObjectTypes[K]>;
};

/**
 * client-go's clientset: typed clients for every kind the catalogue lists, built from the
 * generated model, so no process writes GraphQL text for plain CRUD.
 */
export function createClientset(client: WheelhouseClient): Clientset {
  const ops = new Operations(client);
  const byKind = new Map<string, ResourceClient<never>>();
  const clients: Record<string, unknown> = {};
  for (const identity of Object.values(KIND_CATALOGUE)) {
    const resource = new ResourceClient<never>(ops, identity);
    byKind.set(identity.kind, resource);
    clients[identity.plural] = resource;
  }
  return {
    ...(clients as KindClients),
    ops,
    client,
    kind: <K extends KindName>(kind: K) => {
      const resource = byKind.get(kind);
      if (!resource) throw new TypeError(`unknown kind ${kind}`);
      // The map is keyed by kind name, so the entry is this kind's client; TypeScript cannot relate the two.
      return resource as unknown as ResourceClient<ObjectTypes[K]>;
    },
  };
}
