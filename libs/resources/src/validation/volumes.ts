import { duplicateError, forbiddenError, invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { childPath, indexPath } from './field-path.js';
import { readBoolean, readInteger, readObject, readObjectArray, readString, type JsonObject } from './json.js';
import { isDns1123Label } from './names.js';
import { validateQuantityValue } from './resource-quantity.js';
import { validateLocalNonReservedPath, validatePathNoBacksteps } from './volume-paths.js';

/** The volume sources Wheelhouse's node agent can provide. */
export const SUPPORTED_VOLUME_SOURCES: readonly string[] = ['configMap', 'emptyDir', 'hostPath', 'secret'];
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
};

function validateEmptyDir(source: JsonObject, path: string): FieldError[] {
  const errors: FieldError[] = [];
  readString(source.medium, childPath(path, 'medium'), errors);
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
  for (const { item, index } of readObjectArray(source.items, itemsPath, errors)) {
    const itemPath = indexPath(itemsPath, index);
    const key = readString(item.key, childPath(itemPath, 'key'), errors);
    if (!key) errors.push(requiredError(childPath(itemPath, 'key')));
    const target = readString(item.path, childPath(itemPath, 'path'), errors) ?? '';
    if (!target) errors.push(requiredError(childPath(itemPath, 'path')));
    errors.push(...validateLocalNonReservedPath(target, childPath(itemPath, 'path')));
    errors.push(...validateFileMode(item.mode, childPath(itemPath, 'mode')));
  }
  return errors;
}

function validateFileMode(value: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const mode = readInteger(value, path, errors);
  if (mode !== undefined && (mode < 0 || mode > 0o777)) errors.push(invalidError(path, mode, FILE_MODE_ERROR));
  return errors;
}
