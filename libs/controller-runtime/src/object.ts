/** The metadata the runtime reads; kinds carry more. */
export interface RuntimeObjectMeta {
  name?: string | null;
  namespace?: string | null;
  uid?: string | null;
  resourceVersion?: string | null;
  labels?: Readonly<Record<string, string>> | null;
  ownerReferences?: readonly OwnerReferenceLike[] | null;
}

export interface OwnerReferenceLike {
  apiVersion?: string | null;
  kind?: string | null;
  name?: string | null;
  uid?: string | null;
  controller?: boolean | null;
}

export interface RuntimeObject {
  metadata: RuntimeObjectMeta;
}

/** The selection the informer adds to every query: what its key and indexes need. */
export const RUNTIME_METADATA_FIELDS = 'metadata { name namespace uid resourceVersion labels ownerReferences { apiVersion kind name uid controller } }';

/** `namespace/name`, or `name` for cluster-scoped objects (client-go MetaNamespaceKeyFunc). */
export function keyOf(object: RuntimeObject): string {
  const { namespace, name } = object.metadata;
  if (!name) throw new TypeError('object has no metadata.name');
  return namespace ? `${namespace}/${name}` : name;
}

/** The inverse of keyOf; namespace is undefined for a cluster-scoped key. */
export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** The owner reference marked `controller: true`, if any (metav1.GetControllerOf). */
export function controllerOf(object: RuntimeObject): OwnerReferenceLike | undefined {
  return object.metadata.ownerReferences?.find((ref) => ref.controller === true);
}
