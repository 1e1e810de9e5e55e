import { duplicateError, forbiddenError, invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { childPath, indexPath } from './field-path.js';
import { readBoolean, readInteger, readObject, readObjectArray, readString, type JsonObject } from './json.js';
import { isDns1123Label } from './names.js';
import { validateQuantityValue } from './resource-quantity.js';
import { validateLocalNonReservedPath, validatePathNoBacksteps } from './volume-paths.js';
import { validateObjectFieldSelector, validateResourceFieldSelector, VOLUME_FIELD_PATHS } from './downward-api.js';

/** The volume sources Wheelhouse's node agent can provide. */
export const SUPPORTED_VOLUME_SOURCES: readonly string[] = ['configMap', 'downwardAPI', 'emptyDir', 'hostPath', 'persistentVolumeClaim', 'projected', 'secret'];
/** emptyDir media the node agent provides: disk, or a tmpfs. */
export const EMPTY_DIR_MEDIA: readonly string[] = ['', 'Memory'];
export const HOST_PATH_TYPES: readonly string[] = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';

/**
 * spec.volumes (ValidateVolumes): unique DNS-label names and exactly one source
 * each. Returns the names so volume mounts can be checked against them.
 */
export function validateVolumes(volumes: unknown, path: string): { errors: FieldError[]; names: Set<string> } {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  for (const { item, index } of readObjectArray(volumes, path, errors)) {
    const volumePath = indexPath(path, index);
    const name = readString(item.name, childPath(volumePath, 'name'), errors) ?? '';
    if (!name) errors.push(requiredError(childPath(volumePath, 'name')));
    else errors.push(...isDns1123Label(name).map((msg) => invalidError(childPath(volumePath, 'name'), name, msg)));
    if (names.has(name)) errors.push(duplicateError(childPath(volumePath, 'name'), name));
    if (name) names.add(name);
    errors.push(...validateVolumeSource(item, volumePath));
  }
  return { errors, names };
}

/** Every key beside `name` is a source; exactly one is allowed, and it must be one we support. */
function validateVolumeSource(volume: JsonObject, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const sources = Object.keys(volume).filter((k) => k !== 'name' && volume[k] !== undefined && volume[k] !== null);
  if (sources.length === 0) return [requiredError(path, 'must specify a volume type')];
  sources.forEach((source, i) => {
    const sourcePath = childPath(path, source);
    if (i > 0) errors.push(forbiddenError(sourcePath, 'may not specify more than 1 volume type'));
    else if (!SUPPORTED_VOLUME_SOURCES.includes(source)) {
      errors.push(forbiddenError(sourcePath, `volume type is not supported; supported types: ${SUPPORTED_VOLUME_SOURCES.join(', ')}`));
    } else {
      const object = readObject(volume[source], sourcePath, errors);
      if (object) errors.push(...SOURCE_VALIDATORS[source]!(object, sourcePath));
    }
  });
  return errors;
}

const SOURCE_VALIDATORS: Record<string, (source: JsonObject, path: string) => FieldError[]> = {
  emptyDir: validateEmptyDir,
  hostPath: validateHostPath,
  configMap: (s, p) => validateProjectedObject(s, p, 'name'),
  secret: (s, p) => validateProjectedObject(s, p, 'secretName'),
  downwardAPI: validateDownwardApiVolume,
  persistentVolumeClaim: validateClaimSource,
  projected: validateProjectedVolume,
};

function validateClaimSource(source: JsonObject, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!readString(source.claimName, childPath(path, 'claimName'), errors)) errors.push(requiredError(childPath(path, 'claimName')));
  readBoolean(source.readOnly, childPath(path, 'readOnly'), errors);
  return errors;
}

function validateEmptyDir(source: JsonObject, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const medium = readString(source.medium, childPath(path, 'medium'), errors);
  if (medium?.startsWith('HugePages')) errors.push(forbiddenError(childPath(path, 'medium'), 'HugePages emptyDir volumes are not supported by Wheelhouse nodes'));
  else if (medium !== undefined && !EMPTY_DIR_MEDIA.includes(medium)) errors.push(notSupportedError(childPath(path, 'medium'), medium, EMPTY_DIR_MEDIA));
  const limit = source.sizeLimit;
  if (limit !== undefined && limit !== null) {
    const checked = validateQuantityValue(limit, childPath(path, 'sizeLimit'));
    errors.push(...checked.errors);
    if (checked.quantity && checked.quantity.nanos < 0n) {
      errors.push(forbiddenError(childPath(path, 'sizeLimit'), 'SizeLimit field must be a valid resource quantity'));
    }
  }
  return errors;
}

function validateHostPath(source: JsonObject, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const hostPath = readString(source.path, childPath(path, 'path'), errors) ?? '';
  if (!hostPath) return [...errors, requiredError(childPath(path, 'path'))];
  errors.push(...validatePathNoBacksteps(hostPath, childPath(path, 'path')));
  const type = readString(source.type, childPath(path, 'type'), errors);
  if (type !== undefined && !HOST_PATH_TYPES.includes(type)) errors.push(notSupportedError(childPath(path, 'type'), type, HOST_PATH_TYPES));
  return errors;
}

/** configMap and secret volumes: the object's name, file modes, and items that stay inside the volume. */
function validateProjectedObject(source: JsonObject, path: string, nameField: 'name' | 'secretName'): FieldError[] {
  const errors: FieldError[] = [];
  const name = readString(source[nameField], childPath(path, nameField), errors);
  if (!name) errors.push(requiredError(childPath(path, nameField)));
  errors.push(...validateFileMode(source.defaultMode, childPath(path, 'defaultMode')));
  readBoolean(source.optional, childPath(path, 'optional'), errors);
  const itemsPath = childPath(path, 'items');
  for (const { item, index } of readObjectArray(source.items, itemsPath, errors)) errors.push(...validateKeyToPath(item, indexPath(itemsPath, index)));
  return errors;
}

function validateKeyToPath(item: JsonObject, itemPath: string): FieldError[] {
  const errors: FieldError[] = [];
  const key = readString(item.key, childPath(itemPath, 'key'), errors);
  if (!key) errors.push(requiredError(childPath(itemPath, 'key')));
  const target = readString(item.path, childPath(itemPath, 'path'), errors) ?? '';
  if (!target) errors.push(requiredError(childPath(itemPath, 'path')));
  errors.push(...validateLocalNonReservedPath(target, childPath(itemPath, 'path')));
  errors.push(...validateFileMode(item.mode, childPath(itemPath, 'mode')));
  return errors;
}

/** validateDownwardAPIVolumeFile: a path, and a pod field or a named container's resource. */
function validateDownwardApiFile(item: JsonObject, itemPath: string): FieldError[] {
  const errors: FieldError[] = [];
  const target = readString(item.path, childPath(itemPath, 'path'), errors) ?? '';
  if (!target) errors.push(requiredError(childPath(itemPath, 'path')));
  errors.push(...validateLocalNonReservedPath(target, childPath(itemPath, 'path')));
  const hasField = item.fieldRef !== undefined && item.fieldRef !== null;
  const hasResource = item.resourceFieldRef !== undefined && item.resourceFieldRef !== null;
  if (hasField) {
    errors.push(...validateObjectFieldSelector(item.fieldRef, childPath(itemPath, 'fieldRef'), VOLUME_FIELD_PATHS));
    if (hasResource) errors.push(invalidError(itemPath, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (hasResource) {
    const refPath = childPath(itemPath, 'resourceFieldRef');
    errors.push(...validateResourceFieldSelector(item.resourceFieldRef, refPath));
    const ref = item.resourceFieldRef as JsonObject;
    if (typeof ref === 'object' && !ref.containerName) errors.push(requiredError(childPath(refPath, 'containerName')));
  } else {
    errors.push(requiredError(itemPath, 'one of fieldRef and resourceFieldRef is required'));
  }
  errors.push(...validateFileMode(item.mode, childPath(itemPath, 'mode')));
  return errors;
}

function validateDownwardApiVolume(source: JsonObject, path: string): FieldError[] {
  const errors = validateFileMode(source.defaultMode, childPath(path, 'defaultMode'));
  const itemsPath = childPath(path, 'items');
  for (const { item, index } of readObjectArray(source.items, itemsPath, errors)) errors.push(...validateDownwardApiFile(item, indexPath(itemsPath, index)));
  return errors;
}

/** Projection sources the node agent provides; the others are refused by name. */
const PROJECTION_SOURCES = ['configMap', 'downwardAPI', 'secret'];

/** validateProjectedVolumeSource: one source per entry, no two files at one path. */
function validateProjectedVolume(source: JsonObject, path: string): FieldError[] {
  const errors = validateFileMode(source.defaultMode, childPath(path, 'defaultMode'));
  const allPaths = new Set<string>();
  const claim = (target: unknown, name: unknown) => {
    if (typeof target !== 'string' || !target) return;
    if (allPaths.has(target)) errors.push(invalidError(path, name, 'conflicting duplicate paths'));
    allPaths.add(target);
  };
  const sourcesPath = childPath(path, 'sources');
  for (const { item, index } of readObjectArray(source.sources, sourcesPath, errors)) {
    const sourcePath = indexPath(sourcesPath, index);
    const kinds = Object.keys(item).filter((k) => item[k] !== undefined && item[k] !== null);
    if (kinds.length > 1) errors.push(forbiddenError(sourcePath, 'may not specify more than 1 volume type per source'));
    for (const kind of kinds) {
      const kindPath = childPath(sourcePath, kind);
      if (!PROJECTION_SOURCES.includes(kind)) {
        errors.push(forbiddenError(kindPath, `projection source is not supported; supported sources: ${PROJECTION_SOURCES.join(', ')}`));
        continue;
      }
      const projection = readObject(item[kind], kindPath, errors);
      if (!projection) continue;
      const itemsPath = childPath(kindPath, 'items');
      if (kind === 'downwardAPI') {
        for (const { item: file, index: i } of readObjectArray(projection.items, itemsPath, errors)) {
          errors.push(...validateDownwardApiFile(file, indexPath(itemsPath, i)));
          claim(file.path, file.path);
        }
        continue;
      }
      if (!readString(projection.name, childPath(kindPath, 'name'), errors)) errors.push(requiredError(childPath(kindPath, 'name')));
      readBoolean(projection.optional, childPath(kindPath, 'optional'), errors);
      for (const { item: keyToPath, index: i } of readObjectArray(projection.items, itemsPath, errors)) {
        errors.push(...validateKeyToPath(keyToPath, indexPath(itemsPath, i)));
        claim(keyToPath.path, projection.name);
      }
    }
  }
  return errors;
}

function validateFileMode(value: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const mode = readInteger(value, path, errors);
  if (mode !== undefined && (mode < 0 || mode > 0o777)) errors.push(invalidError(path, mode, FILE_MODE_ERROR));
  return errors;
}
