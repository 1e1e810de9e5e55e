import type { AnyObject } from './objects.ts';
import { META } from './kind.ts';
import { listKind } from './list-kind.ts';
import { printerColumns } from './printer-columns.ts';

export const ConfigMapKind = listKind('ConfigMap', {
  listSelection: `${META} data binaryData immutable`,
  columns: printerColumns('ConfigMap', {}, [{ id: 'immutable', header: 'Immutable', value: (c) => (c.immutable ? 'true' : 'false'), wide: true }]),
});

/**
 * Secret values never travel to the browser with lists or the live detail view (no `data`
 * in either selection): only the Reveal button fetches them, into that page's memory. So
 * the list shows kubectl's TYPE and AGE but not DATA (its key count needs the values).
 */
export const SecretKind = listKind('Secret', {
  listSelection: `${META} type immutable`,
  detailSelection: `apiVersion kind metadata { name generateName namespace uid resourceVersion generation labels annotations creationTimestamp deletionTimestamp deletionGracePeriodSeconds ownerReferences { apiVersion kind name uid controller blockOwnerDeletion } finalizers } type immutable`,
  columns: printerColumns('Secret', {}, [{ id: 'immutable', header: 'Immutable', value: (s) => (s.immutable ? 'true' : 'false'), wide: true }]).filter((c) => c.id !== 'data'),
});

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** kubectl's copy of an applied Secret repeats its values: shown as hidden, like the values. */
export function withoutSecretCopies<T extends AnyObject>(kind: string, object: T): T {
  const annotations = object.metadata.annotations;
  if (kind !== 'Secret' || !annotations?.[LAST_APPLIED]) return object;
  return { ...object, metadata: { ...object.metadata, annotations: { ...annotations, [LAST_APPLIED]: '(hidden: it repeats the Secret’s values)' } } };
}
