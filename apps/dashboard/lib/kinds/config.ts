import { age, ageMs } from '../format/age.ts';
import { META, fieldsFor, type KindDef } from './kind.ts';
import type { AnyObject } from './objects.ts';

type Maybe<T> = T | null | undefined;

export interface ConfigMap extends AnyObject {
  data?: Maybe<Record<string, string>>;
  binaryData?: Maybe<Record<string, string>>;
  immutable?: Maybe<boolean>;
}

/** As the dashboard reads a Secret: never with its values (SecretData fetches them on request). */
export interface Secret extends AnyObject {
  type?: Maybe<string>;
  immutable?: Maybe<boolean>;
}

const keyCount = (map: Maybe<Record<string, string>>) => Object.keys(map ?? {}).length;
const ageColumn = {
  id: 'age',
  header: 'Age',
  value: (o: AnyObject, c: { now: number }) => age(o.metadata.creationTimestamp, c.now),
  sortValue: (o: AnyObject, c: { now: number }) => ageMs(o.metadata.creationTimestamp, c.now),
};

export const ConfigMapKind: KindDef<ConfigMap> = {
  kind: 'ConfigMap',
  title: 'ConfigMaps',
  path: 'configmaps',
  namespaced: true,
  fields: fieldsFor('configMap', 'configMaps'),
  listSelection: `${META} data binaryData immutable`,
  columns: [
    { id: 'data', header: 'Data', value: (c) => keyCount(c.data) + keyCount(c.binaryData) },
    ageColumn,
    { id: 'immutable', header: 'Immutable', value: (c) => (c.immutable ? 'true' : 'false'), wide: true },
  ],
};

/**
 * Secret values never travel to the browser with lists or the live detail view (no `data`
 * in either selection): only the Reveal button fetches them, into that page's memory.
 */
export const SecretKind: KindDef<Secret> = {
  kind: 'Secret',
  title: 'Secrets',
  path: 'secrets',
  namespaced: true,
  fields: fieldsFor('secret', 'secrets'),
  listSelection: `${META} type immutable`,
  detailSelection: `apiVersion kind metadata { name generateName namespace uid resourceVersion generation labels annotations creationTimestamp deletionTimestamp deletionGracePeriodSeconds ownerReferences { apiVersion kind name uid controller blockOwnerDeletion } finalizers } type immutable`,
  columns: [
    { id: 'type', header: 'Type', value: (s) => s.type ?? '' },
    ageColumn,
    { id: 'immutable', header: 'Immutable', value: (s) => (s.immutable ? 'true' : 'false'), wide: true },
  ],
};

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** kubectl's copy of an applied Secret repeats its values: shown as hidden, like the values. */
export function withoutSecretCopies<T extends AnyObject>(kind: string, object: T): T {
  const annotations = object.metadata.annotations;
  if (kind !== 'Secret' || !annotations?.[LAST_APPLIED]) return object;
  return { ...object, metadata: { ...object.metadata, annotations: { ...annotations, [LAST_APPLIED]: '(hidden: it repeats the Secret’s values)' } } };
}
