import { age, ageMs } from '../format/age.ts';
import { META, fieldsFor, type KindDef } from './kind.ts';
import type { AnyObject } from './objects.ts';

type Maybe<T> = T | null | undefined;

export interface ResourceQuota extends AnyObject {
  spec?: Maybe<{ hard?: Maybe<Record<string, string>>; scopes?: Maybe<string[]> }>;
  status?: Maybe<{ hard?: Maybe<Record<string, string>>; used?: Maybe<Record<string, string>> }>;
}

/** `used/hard` per resource, limits.* apart, as `kubectl get quota` prints them. */
export function quotaCells(q: ResourceQuota, limits: boolean): string {
  const used = q.status?.used ?? {};
  const hard = q.status?.hard ?? {};
  return Object.keys(q.spec?.hard ?? {})
    .sort()
    .filter((r) => r.startsWith('limits.') === limits)
    .map((r) => `${r}: ${used[r] ?? '0'}/${hard[r] ?? '0'}`)
    .join(', ');
}

const ageColumn = {
  id: 'age',
  header: 'Age',
  value: (o: AnyObject, c: { now: number }) => age(o.metadata.creationTimestamp, c.now),
  sortValue: (o: AnyObject, c: { now: number }) => ageMs(o.metadata.creationTimestamp, c.now),
};

export const ResourceQuotaKind: KindDef<ResourceQuota> = {
  kind: 'ResourceQuota',
  title: 'Resource quotas',
  path: 'resourcequotas',
  namespaced: true,
  fields: fieldsFor('resourceQuota', 'resourceQuotas'),
  listSelection: `${META} spec { hard scopes } status { hard used }`,
  columns: [ageColumn, { id: 'request', header: 'Request', value: (q) => quotaCells(q, false) }, { id: 'limit', header: 'Limit', value: (q) => quotaCells(q, true) }],
};

export const LimitRangeKind: KindDef = {
  kind: 'LimitRange',
  title: 'Limit ranges',
  path: 'limitranges',
  namespaced: true,
  fields: fieldsFor('limitRange', 'limitRanges'),
  listSelection: `${META} spec { limits { type } }`,
  columns: [ageColumn, { id: 'types', header: 'Types', value: (l) => ((l.spec?.limits ?? []) as { type?: string }[]).map((i) => i.type).join(', ') }],
};
