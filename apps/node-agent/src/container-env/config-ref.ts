// ConfigMap and Secret values for a container's environment, as the kubelet reads them
// (makeEnvironmentVariables): a missing object or key is an error in the kubelet's words
// unless the reference is optional; envFrom skips keys that are no valid variable names.
import { isEnvVarName } from '@wheelhouse/resources';
import { ContainerConfigError } from './config-error.js';
import type { ConfigObjects } from './types.js';

type Source = 'configmap' | 'secret';
const KIND: Record<Source, string> = { configmap: 'ConfigMap', secret: 'Secret' };

/** The object's data as strings (Secret values decoded), or undefined (absent and optional). */
function dataOf(source: Source, namespace: string, name: string, optional: boolean, objects: ConfigObjects | undefined): Record<string, string> | undefined {
  const object = source === 'configmap' ? objects?.configMap(namespace, name) : objects?.secret(namespace, name);
  if (!object) {
    if (optional) return undefined;
    throw new ContainerConfigError(`${source} "${name}" not found`);
  }
  const data = object.data ?? {};
  return source === 'configmap' ? data : Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
}

/** `valueFrom.configMapKeyRef` / `secretKeyRef`: the value, or undefined when an optional source leaves the variable out. */
export function keyRefValue(source: Source, ref: { name?: string; key?: string; optional?: boolean }, namespace: string, objects: ConfigObjects | undefined): string | undefined {
  const name = ref.name ?? '';
  const key = ref.key ?? '';
  const optional = ref.optional === true;
  const data = dataOf(source, namespace, name, optional, objects);
  if (!data) return undefined;
  if (!Object.hasOwn(data, key)) {
    if (optional) return undefined;
    throw new ContainerConfigError(`couldn't find key ${key} in ${KIND[source]} ${namespace}/${name}`);
  }
  return data[key];
}

export interface EnvFromResult {
  values: [string, string][];
  /** The kubelet's InvalidEnvironmentVariableNames event text, when keys were skipped. */
  warning?: string;
}

/** One `envFrom` entry: every key (with `prefix`) that is a valid variable name; ConfigMaps give `data` only, not `binaryData`. */
export function envFromValues(source: Source, ref: { name?: string; optional?: boolean }, prefix: string, namespace: string, objects: ConfigObjects | undefined): EnvFromResult {
  const name = ref.name ?? '';
  const data = dataOf(source, namespace, name, ref.optional === true, objects);
  if (!data) return { values: [] };
  const values: [string, string][] = [];
  const invalid: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    const variable = prefix + key;
    if (isEnvVarName(variable).length > 0) invalid.push(variable);
    else values.push([variable, value]);
  }
  if (invalid.length === 0) return { values };
  return {
    values,
    warning: `Keys [${invalid.sort().join(', ')}] from the EnvFrom ${source} ${namespace}/${name} were skipped since they are considered invalid environment variable names.`,
  };
}
