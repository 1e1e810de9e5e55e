import { cloneJson, isJsonObject, setDefault } from './json-object.js';

/** Kubernetes defines no ConfigMap defaults; a copy keeps the contract (callers' objects never change). */
export function defaultConfigMap<T>(configMap: T): T {
  return cloneJson(configMap);
}

/**
 * Secret: `type` defaults to Opaque, and the write-only `stringData` is merged into
 * `data` (base64 of its UTF-8 bytes, over any `data` key of the same name) and dropped,
 * as Kubernetes' conversion does, so it is never stored or returned.
 */
export function defaultSecret<T>(secret: T): T {
  const copy: unknown = cloneJson(secret);
  if (!isJsonObject(copy)) return copy as T;
  setDefault(copy, 'type', 'Opaque');
  const stringData = copy.stringData;
  if (isJsonObject(stringData)) {
    const data = isJsonObject(copy.data) ? copy.data : {};
    for (const [key, value] of Object.entries(stringData)) {
      // A non-string stays visible to validation under data[key] rather than vanishing.
      data[key] = typeof value === 'string' ? Buffer.from(value, 'utf8').toString('base64') : value;
    }
    copy.data = data;
    delete copy.stringData;
  }
  return copy as T;
}
