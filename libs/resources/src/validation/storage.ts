// PersistentVolume, PersistentVolumeClaim and StorageClass validation
// (pkg/apis/core/validation ValidatePersistentVolume*, pkg/apis/storage/validation
// ValidateStorageClass), limited to what Wheelhouse nodes provide: hostPath and local
// volumes, Filesystem mode, no populators, no expansion; the rest is refused by field.
import { forbiddenError, invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { childPath, indexPath, keyPath } from './field-path.js';
import { isAbsent, readBoolean, readObject, readObjectArray, readString, readStringArray, readStringMap, type JsonObject } from './json.js';
import { jsonEqual } from './json-diff.js';
import { validateLabelSelector } from './label-selector.js';
import { isDns1123Subdomain, isQualifiedName } from './names.js';
import { validateResourceQuantity } from './resource-quantity.js';
import { HOST_PATH_TYPES } from './volumes.js';
import { validatePathNoBacksteps } from './volume-paths.js';

export const ACCESS_MODES: readonly string[] = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
export const PV_RECLAIM_POLICIES: readonly string[] = ['Delete', 'Retain'];
export const SC_RECLAIM_POLICIES: readonly string[] = ['Delete', 'Retain'];
export const VOLUME_BINDING_MODES: readonly string[] = ['Immediate', 'WaitForFirstConsumer'];
export const VOLUME_MODES: readonly string[] = ['Filesystem'];
const PV_SOURCES = ['hostPath', 'local'];
const PV_SPEC_FIELDS = new Set([
  'capacity',
  'accessModes',
  'claimRef',
  'persistentVolumeReclaimPolicy',
  'storageClassName',
  'mountOptions',
  'volumeMode',
  'nodeAffinity',
  'volumeAttributesClassName',
]);
const NODE_SELECTOR_OPERATORS = ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'];

function validateAccessModes(value: unknown, path: string, errors: FieldError[]): string[] {
  const modes = readStringArray(value, path, errors) ?? [];
  if (modes.length === 0) errors.push(requiredError(path));
  for (const mode of modes) if (!ACCESS_MODES.includes(mode)) errors.push(notSupportedError(path, mode, ACCESS_MODES));
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) errors.push(forbiddenError(path, 'may not use ReadWriteOncePod with other access modes'));
  return modes;
}

function validateStorageClassName(value: unknown, path: string, errors: FieldError[]): void {
  const name = readString(value, path, errors);
  if (name) errors.push(...isDns1123Subdomain(name).map((msg) => invalidError(path, name, msg)));
}

function validateVolumeMode(value: unknown, path: string, errors: FieldError[]): void {
  const mode = readString(value, path, errors);
  if (mode === 'Block') errors.push(forbiddenError(path, 'Block volumes are not supported by Wheelhouse nodes'));
  else if (mode !== undefined && !VOLUME_MODES.includes(mode)) errors.push(notSupportedError(path, mode, VOLUME_MODES));
}

/** A positive `storage` quantity, the only resource of capacity and requests. */
function validateStorageQuantity(map: unknown, path: string, errors: FieldError[], what: 'capacity' | 'requests'): void {
  const list = readObject(map, path, errors);
  if (!list || Object.keys(list).length === 0 || list.storage === undefined) {
    errors.push(requiredError(what === 'capacity' ? path : keyPath(path, 'storage')));
    return;
  }
  if (what === 'capacity' && Object.keys(list).length > 1) errors.push(notSupportedError(path, Object.keys(list), ['storage']));
  const checked = validateResourceQuantity('storage', list.storage, keyPath(path, 'storage'));
  errors.push(...checked.errors);
  if (checked.quantity && checked.quantity.nanos === 0n) errors.push(invalidError(keyPath(path, 'storage'), list.storage, 'must be greater than zero'));
}

/** ValidateNodeSelector of a volume's required node affinity. */
function validateNodeAffinity(value: unknown, path: string, errors: FieldError[]): boolean {
  const affinity = readObject(value, path, errors);
  if (!affinity) return false;
  const required = readObject(affinity.required, childPath(path, 'required'), errors);
  if (!required) {
    errors.push(requiredError(childPath(path, 'required')));
    return false;
  }
  const termsPath = childPath(childPath(path, 'required'), 'nodeSelectorTerms');
  const terms = readObjectArray(required.nodeSelectorTerms, termsPath, errors);
  if (terms.length === 0) errors.push(requiredError(termsPath, 'must have at least one node selector term'));
  for (const { item: term, index } of terms) {
    const exprsPath = childPath(indexPath(termsPath, index), 'matchExpressions');
    for (const { item: expr, index: i } of readObjectArray(term.matchExpressions, exprsPath, errors)) {
      const exprPath = indexPath(exprsPath, i);
      const key = readString(expr.key, childPath(exprPath, 'key'), errors) ?? '';
      errors.push(...isQualifiedName(key).map((msg) => invalidError(childPath(exprPath, 'key'), key, msg)));
      const operator = readString(expr.operator, childPath(exprPath, 'operator'), errors) ?? '';
      if (!NODE_SELECTOR_OPERATORS.includes(operator)) errors.push(notSupportedError(childPath(exprPath, 'operator'), operator, NODE_SELECTOR_OPERATORS));
      const values = readStringArray(expr.values, childPath(exprPath, 'values'), errors) ?? [];
      if ((operator === 'In' || operator === 'NotIn') && values.length === 0)
        errors.push(requiredError(childPath(exprPath, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0)
        errors.push(forbiddenError(childPath(exprPath, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    }
  }
  return true;
}

export function validatePersistentVolume(pv: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const spec = readObject((pv as JsonObject | undefined)?.spec, 'spec', errors);
  if (!spec) return [...errors, requiredError('spec')];
  validateAccessModes(spec.accessModes, 'spec.accessModes', errors);
  validateStorageQuantity(spec.capacity, 'spec.capacity', errors, 'capacity');
  const policy = readString(spec.persistentVolumeReclaimPolicy, 'spec.persistentVolumeReclaimPolicy', errors);
  if (policy === 'Recycle') errors.push(forbiddenError('spec.persistentVolumeReclaimPolicy', 'Recycle is deprecated and not supported; use Delete or Retain'));
  else if (policy !== undefined && !PV_RECLAIM_POLICIES.includes(policy)) errors.push(notSupportedError('spec.persistentVolumeReclaimPolicy', policy, PV_RECLAIM_POLICIES));
  validateStorageClassName(spec.storageClassName, 'spec.storageClassName', errors);
  validateVolumeMode(spec.volumeMode, 'spec.volumeMode', errors);
  readStringArray(spec.mountOptions, 'spec.mountOptions', errors);
  const claimRef = readObject(spec.claimRef, 'spec.claimRef', errors);
  if (claimRef) {
    if (!readString(claimRef.name, 'spec.claimRef.name', errors)) errors.push(requiredError('spec.claimRef.name'));
    if (!readString(claimRef.namespace, 'spec.claimRef.namespace', errors)) errors.push(requiredError('spec.claimRef.namespace'));
  }
  const hasAffinity = !isAbsent(spec.nodeAffinity) && validateNodeAffinity(spec.nodeAffinity, 'spec.nodeAffinity', errors);

  const sources = Object.keys(spec).filter((k) => !PV_SPEC_FIELDS.has(k) && !isAbsent(spec[k]));
  if (sources.length === 0) errors.push(requiredError('spec', 'must specify a volume type'));
  sources.forEach((source, i) => {
    const path = childPath('spec', source);
    if (i > 0) errors.push(forbiddenError(path, 'may not specify more than 1 volume type'));
    else if (!PV_SOURCES.includes(source)) errors.push(forbiddenError(path, `volume type is not supported; supported types: ${PV_SOURCES.join(', ')}`));
    else {
      const object = readObject(spec[source], path, errors);
      if (!object) return;
      const target = readString(object.path, childPath(path, 'path'), errors) ?? '';
      if (!target) errors.push(requiredError(childPath(path, 'path')));
      else errors.push(...validatePathNoBacksteps(target, childPath(path, 'path')));
      if (source === 'hostPath') {
        const type = readString(object.type, childPath(path, 'type'), errors);
        if (type !== undefined && !HOST_PATH_TYPES.includes(type)) errors.push(notSupportedError(childPath(path, 'type'), type, HOST_PATH_TYPES));
      }
      if (source === 'local' && !hasAffinity) errors.push(requiredError('spec.nodeAffinity', 'Local volume requires node affinity'));
    }
  });
  return errors;
}

/** ValidatePersistentVolumeUpdate: the volume source, mode and node affinity are fixed. */
export function validatePersistentVolumeUpdate(next: unknown, prev: unknown): FieldError[] {
  const errors = validatePersistentVolume(next);
  const a = ((next as JsonObject).spec ?? {}) as JsonObject;
  const b = ((prev as JsonObject).spec ?? {}) as JsonObject;
  for (const source of PV_SOURCES)
    if (!jsonEqual(a[source], b[source])) errors.push(forbiddenError('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
  if (!jsonEqual(a.volumeMode, b.volumeMode)) errors.push(invalidError('spec.volumeMode', a.volumeMode, 'field is immutable'));
  if (!isAbsent(b.nodeAffinity) && !jsonEqual(a.nodeAffinity, b.nodeAffinity)) errors.push(invalidError('spec.nodeAffinity', a.nodeAffinity, 'field is immutable'));
  return errors;
}

export function validatePersistentVolumeClaim(pvc: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const spec = readObject((pvc as JsonObject | undefined)?.spec, 'spec', errors);
  if (!spec) return [...errors, requiredError('spec')];
  const modes = readStringArray(spec.accessModes, 'spec.accessModes', errors) ?? [];
  if (modes.length === 0) errors.push(requiredError('spec.accessModes', 'at least 1 access mode is required'));
  else validateAccessModes(modes, 'spec.accessModes', errors);
  if (!isAbsent(spec.selector)) errors.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const resources = readObject(spec.resources, 'spec.resources', errors);
  validateStorageQuantity(resources?.requests, 'spec.resources.requests', errors, 'requests');
  if (resources && !isAbsent(resources.limits)) readStringMap(resources.limits, 'spec.resources.limits', errors);
  validateStorageClassName(spec.storageClassName, 'spec.storageClassName', errors);
  readString(spec.volumeName, 'spec.volumeName', errors);
  validateVolumeMode(spec.volumeMode, 'spec.volumeMode', errors);
  for (const field of ['dataSource', 'dataSourceRef']) {
    if (!isAbsent(spec[field])) errors.push(forbiddenError(`spec.${field}`, 'volume populators are not supported by Wheelhouse'));
  }
  if (!isAbsent(spec.volumeAttributesClassName)) errors.push(forbiddenError('spec.volumeAttributesClassName', 'VolumeAttributesClass is not supported by Wheelhouse'));
  return errors;
}

/**
 * ValidatePersistentVolumeClaimUpdate: the spec is fixed, but for volumeName set once by
 * the binder; resources.requests may not change either, since no volume can be expanded here.
 */
export function validatePersistentVolumeClaimUpdate(next: unknown, prev: unknown): FieldError[] {
  const errors = validatePersistentVolumeClaim(next);
  const a = { ...(((next as JsonObject).spec ?? {}) as JsonObject) };
  const b = { ...(((prev as JsonObject).spec ?? {}) as JsonObject) };
  if (isAbsent(b.volumeName) || b.volumeName === '') b.volumeName = a.volumeName;
  // Defaulting (the default StorageClass) may fill in an unset class once.
  if (isAbsent(b.storageClassName)) b.storageClassName = a.storageClassName;
  const requests = (spec: JsonObject) => (spec.resources as JsonObject | undefined)?.requests;
  if (!jsonEqual(requests(a), requests(b))) errors.push(forbiddenError('spec.resources.requests', 'volume expansion is not supported by Wheelhouse'));
  a.resources = b.resources;
  if (!jsonEqual(a, b)) errors.push(forbiddenError('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
  return errors;
}

export function validateStorageClass(sc: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const o = (sc ?? {}) as JsonObject;
  const provisioner = readString(o.provisioner, 'provisioner', errors) ?? '';
  if (!provisioner) errors.push(requiredError('provisioner'));
  else {
    errors.push(...isQualifiedName(provisioner.toLowerCase()).map((msg) => invalidError('provisioner', provisioner, msg)));
  }
  const parameters = readStringMap(o.parameters, 'parameters', errors) ?? {};
  if (Object.keys(parameters).length > 512) errors.push(invalidError('parameters', '', 'can have at most 512 parameters'));
  for (const key of Object.keys(parameters)) if (!key) errors.push(invalidError('parameters', parameters, 'key names cannot be empty'));
  const policy = readString(o.reclaimPolicy, 'reclaimPolicy', errors);
  if (policy !== undefined && !SC_RECLAIM_POLICIES.includes(policy)) errors.push(notSupportedError('reclaimPolicy', policy, SC_RECLAIM_POLICIES));
  const mode = readString(o.volumeBindingMode, 'volumeBindingMode', errors);
  if (mode !== undefined && !VOLUME_BINDING_MODES.includes(mode)) errors.push(notSupportedError('volumeBindingMode', mode, VOLUME_BINDING_MODES));
  if (readBoolean(o.allowVolumeExpansion, 'allowVolumeExpansion', errors)) errors.push(forbiddenError('allowVolumeExpansion', 'volume expansion is not supported by Wheelhouse'));
  readStringArray(o.mountOptions, 'mountOptions', errors);
  if (!isAbsent(o.allowedTopologies) && (!Array.isArray(o.allowedTopologies) || o.allowedTopologies.length > 0)) {
    errors.push(forbiddenError('allowedTopologies', 'allowed topologies are not supported by Wheelhouse'));
  }
  return errors;
}

/** ValidateStorageClassUpdate. */
export function validateStorageClassUpdate(next: unknown, prev: unknown): FieldError[] {
  const errors = validateStorageClass(next);
  const a = next as JsonObject;
  const b = prev as JsonObject;
  if (!jsonEqual(a.parameters ?? {}, b.parameters ?? {})) errors.push(forbiddenError('parameters', 'updates to parameters are forbidden.'));
  if (a.provisioner !== b.provisioner) errors.push(forbiddenError('provisioner', 'updates to provisioner are forbidden.'));
  if (a.reclaimPolicy !== b.reclaimPolicy) errors.push(forbiddenError('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (a.volumeBindingMode !== b.volumeBindingMode) errors.push(invalidError('volumeBindingMode', a.volumeBindingMode, 'field is immutable'));
  return errors;
}
