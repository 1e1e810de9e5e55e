import { invalidError, tooLongError, type FieldError } from '../field-error.js';
import { keyPath } from './field-path.js';
import { isConfigMapKey } from './names.js';

/** MaxSecretSize: ConfigMaps and Secrets hold at most 1 MiB of data (etcd's request limit with headroom). */
export const MAX_CONFIG_SIZE_BYTES = 1024 * 1024;

/** Every key of a data map must be a ConfigMap key (`[-._a-zA-Z0-9]+`, not `.`/`..`, at most 253). */
export function validateDataKeys(keys: Iterable<string>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of keys) {
    for (const message of isConfigMapKey(key)) errors.push(invalidError(keyPath(path, key), key, message));
  }
  return errors;
}

/** The 1 MiB total; Kubernetes reports it on `data` (Secret) or the whole object (ConfigMap, path ""). */
export function validateTotalSize(totalBytes: number, path: string): FieldError[] {
  return totalBytes > MAX_CONFIG_SIZE_BYTES ? [tooLongError(path, MAX_CONFIG_SIZE_BYTES)] : [];
}
