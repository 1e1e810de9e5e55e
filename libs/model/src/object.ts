import type { ObjectMeta } from './generated/types.js';
import type { ObjectTypes } from './generated/kinds.js';

/** What every kind's object has: the part code generic over kinds reads (GC, history, printers). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
}

/** The object type of a kind: `ObjectOf<'Pod'>` is `Pod`. */
export type ObjectOf<K extends keyof ObjectTypes> = ObjectTypes[K];

/** `namespace/name`, or `name` for cluster-scoped objects (client-go MetaNamespaceKeyFunc). */
export function objectKey(object: KubeObject): string {
  const { namespace, name } = object.metadata;
  if (!name) throw new TypeError('object has no metadata.name');
  return namespace ? `${namespace}/${name}` : name;
}
