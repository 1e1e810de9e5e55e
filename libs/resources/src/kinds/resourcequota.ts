import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import { validateResourceQuota } from '../validation/index.js';
import { cloneJson, ensureObject, isJsonObject } from '../defaults/json-object.js';
import type { KubeObject } from '../object.js';

/** Kubernetes has no defaults for these kinds; a spec object is always there for readers. */
export const withSpec = (o: KubeObject) => {
  const copy = cloneJson(o);
  if (isJsonObject(copy)) ensureObject(copy, 'spec');
  return copy;
};

/** core/v1 ResourceQuota: spec.hard and scopes; status.used is kept by quota admission and the quota controller. */
export const ResourceQuotaKind: KindInfo = {
  ...KIND_CATALOGUE.ResourceQuota,
  table: 'resourcequotas',
  nameRule: 'subdomain',
  bodyKey: 'spec',
  columns: () => ({}),
  selectableFields: () => ({}),
  fieldColumns: {},
  applyDefaults: withSpec,
  validate: (o) => validateResourceQuota(o),
};
