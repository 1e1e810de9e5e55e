import { invalidError, notSupportedError, type FieldError } from '../field-error.js';
import { childPath, indexPath, keyPath } from './field-path.js';
import { isJsonObject, readObject, readStringArray, type JsonObject } from './json.js';
import { validateResourceQuantity } from './resource-quantity.js';

/** Kubernetes' standard quota resources (IsStandardQuotaResourceName). */
export const STANDARD_QUOTA_RESOURCES = [
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
] as const;

/** The scopes admission and the quota controller evaluate; Kubernetes' PriorityClass and CrossNamespacePodAffinity (which need scopeSelector) are refused rather than ignored. */
export const QUOTA_SCOPES = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort'] as const;

/** Standard names, object counts (`count/deployments.apps`), hugepages and qualified (extended) names. */
export function isQuotaResourceName(name: string): boolean {
  return (
    (STANDARD_QUOTA_RESOURCES as readonly string[]).includes(name) ||
    name.startsWith('count/') ||
    name.startsWith('hugepages-') ||
    name.startsWith('requests.hugepages-') ||
    name.includes('/')
  );
}

function validateResourceList(value: unknown, path: string, errors: FieldError[]): void {
  const list = readObject(value, path, errors) ?? {};
  for (const [name, quantity] of Object.entries(list)) {
    const at = keyPath(path, name);
    if (!isQuotaResourceName(name)) errors.push(invalidError(at, name, 'must be a standard resource for quota'));
    errors.push(...validateResourceQuantity(name, quantity, at).errors);
  }
}

/** ValidateResourceQuota: quota resource names, non-negative quantities, known and compatible scopes. */
export function validateResourceQuota(quota: unknown): FieldError[] {
  const q: JsonObject = isJsonObject(quota) ? quota : {};
  const errors: FieldError[] = [];
  const spec = readObject(q.spec, 'spec', errors) ?? {};
  validateResourceList(spec.hard, 'spec.hard', errors);
  const scopes = readStringArray(spec.scopes, 'spec.scopes', errors) ?? [];
  scopes.forEach((scope, i) => {
    if (!(QUOTA_SCOPES as readonly string[]).includes(scope)) errors.push(notSupportedError(indexPath('spec.scopes', i), scope, QUOTA_SCOPES));
  });
  for (const [a, b] of [
    ['Terminating', 'NotTerminating'],
    ['BestEffort', 'NotBestEffort'],
  ] as const) {
    if (scopes.includes(a) && scopes.includes(b)) errors.push(invalidError('spec.scopes', scopes, 'conflicting scopes'));
  }
  // A BestEffort pod asks for no compute resources, so a BestEffort quota can only count pods.
  if (scopes.includes('BestEffort')) {
    for (const name of Object.keys(isJsonObject(spec.hard) ? spec.hard : {})) {
      if (name !== 'pods' && name !== 'count/pods') errors.push(invalidError(keyPath('spec.hard', name), name, 'unsupported scope applied to resource'));
    }
  }
  const status = readObject(q.status, 'status', errors) ?? {};
  validateResourceList(status.hard, childPath('status', 'hard'), errors);
  validateResourceList(status.used, childPath('status', 'used'), errors);
  return errors;
}
