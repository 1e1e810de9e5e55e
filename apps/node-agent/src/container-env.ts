// A container's environment as the kubelet builds it (makeEnvironmentVariables):
// `env` entries in order, each literal value `$(VAR)`-expanded against the
// entries before it, downward-API values filled in from the pod and the node.
// envFrom ConfigMaps and Secrets first (later entries win), then `env`; ConfigMap and
// Secret sources fail as the kubelet fails for a missing object or key.
import { expandVars } from './container-env/expansion.js';
import { resolveFieldRef } from './container-env/field-ref.js';
import { resolveResourceFieldRef } from './container-env/resource-field-ref.js';
import { envFromValues, keyRefValue } from './container-env/config-ref.js';
import { ContainerConfigError } from './container-env/config-error.js';
import type { EnvContainer, EnvPod, EnvRuntimeValues, EnvVar } from './container-env/types.js';

export { expandVars, expandCommandAndArgs } from './container-env/expansion.js';
export type * from './container-env/types.js';

export { ContainerConfigError };

function sourceValue(envVar: EnvVar, pod: EnvPod, container: EnvContainer, values: EnvRuntimeValues): string | undefined {
  const from = envVar.valueFrom;
  if (!from) return '';
  try {
    if (from.fieldRef) return resolveFieldRef(from.fieldRef.fieldPath ?? '', pod, values);
    if (from.resourceFieldRef) return resolveResourceFieldRef(from.resourceFieldRef, pod, container, values);
  } catch (error) {
    throw new ContainerConfigError((error as Error).message);
  }
  const namespace = pod.metadata.namespace ?? 'default';
  if (from.configMapKeyRef) return keyRefValue('configmap', from.configMapKeyRef, namespace, values.configObjects);
  if (from.secretKeyRef) return keyRefValue('secret', from.secretKeyRef, namespace, values.configObjects);
  return '';
}

function addEnvFrom(env: Record<string, string>, pod: EnvPod, container: EnvContainer, values: EnvRuntimeValues): void {
  const namespace = pod.metadata.namespace ?? 'default';
  for (const source of container.envFrom ?? []) {
    const kind = source.configMapRef ? 'configmap' : source.secretRef ? 'secret' : undefined;
    if (!kind) continue;
    const result = envFromValues(kind, (source.configMapRef ?? source.secretRef)!, source.prefix ?? '', namespace, values.configObjects);
    for (const [name, value] of result.values) env[name] = value;
    if (result.warning) values.onInvalidNames?.(result.warning);
  }
}

/**
 * The container's environment, in spec order (a repeated name keeps its first
 * position and its last value). Throws ContainerConfigError when a source
 * cannot be read.
 */
export function resolveEnv(pod: EnvPod, container: EnvContainer, values: EnvRuntimeValues): Record<string, string> {
  const env: Record<string, string> = {};
  addEnvFrom(env, pod, container, values);
  const lookup = (name: string) => (Object.hasOwn(env, name) ? env[name] : undefined);
  for (const envVar of container.env ?? []) {
    const value = envVar.value ? expandVars(envVar.value, lookup) : sourceValue(envVar, pod, container, values);
    if (value !== undefined && envVar.name) env[envVar.name] = value;
  }
  return env;
}
