// A container's environment as the kubelet builds it (makeEnvironmentVariables):
// `env` entries in order, each literal value `$(VAR)`-expanded against the
// entries before it, downward-API values filled in from the pod and the node.
// ConfigMap and Secret sources fail as the kubelet fails for a missing object:
// those kinds do not exist in Wheelhouse yet.
import { expandVars } from './container-env/expansion.js';
import { resolveFieldRef } from './container-env/field-ref.js';
import { resolveResourceFieldRef } from './container-env/resource-field-ref.js';
import type { EnvContainer, EnvPod, EnvRuntimeValues, EnvVar } from './container-env/types.js';

export { expandVars, expandCommandAndArgs } from './container-env/expansion.js';
export type * from './container-env/types.js';

/** Why a container cannot get its environment; the kubelet reports it as `CreateContainerConfigError`. */
export class ContainerConfigError extends Error {
  readonly reason = 'CreateContainerConfigError';
}

function sourceValue(envVar: EnvVar, pod: EnvPod, container: EnvContainer, values: EnvRuntimeValues): string | undefined {
  const from = envVar.valueFrom;
  if (!from) return '';
  try {
    if (from.fieldRef) return resolveFieldRef(from.fieldRef.fieldPath ?? '', pod, values);
    if (from.resourceFieldRef) return resolveResourceFieldRef(from.resourceFieldRef, pod, container, values);
  } catch (error) {
    throw new ContainerConfigError((error as Error).message);
  }
  const ref = from.configMapKeyRef ?? from.secretKeyRef;
  if (ref) {
    // A missing optional source leaves the variable out, exactly as for a missing object in Kubernetes.
    if (ref.optional) return undefined;
    const kind = from.configMapKeyRef ? 'configmap' : 'secret';
    throw new ContainerConfigError(`${kind} "${ref.name ?? ''}" not found (${kind === 'configmap' ? 'ConfigMaps' : 'Secrets'} are not supported by Wheelhouse yet)`);
  }
  return '';
}

function checkEnvFrom(container: EnvContainer): void {
  for (const source of container.envFrom ?? []) {
    const ref = source.configMapRef ?? source.secretRef;
    if (!ref || ref.optional) continue;
    const kind = source.configMapRef ? 'configmap' : 'secret';
    throw new ContainerConfigError(`${kind} "${ref.name ?? ''}" not found (${kind === 'configmap' ? 'ConfigMaps' : 'Secrets'} are not supported by Wheelhouse yet)`);
  }
}

/**
 * The container's environment, in spec order (a repeated name keeps its first
 * position and its last value). Throws ContainerConfigError when a source
 * cannot be read.
 */
export function resolveEnv(pod: EnvPod, container: EnvContainer, values: EnvRuntimeValues): Record<string, string> {
  checkEnvFrom(container);
  const env: Record<string, string> = {};
  const lookup = (name: string) => (Object.hasOwn(env, name) ? env[name] : undefined);
  for (const envVar of container.env ?? []) {
    const value = envVar.value ? expandVars(envVar.value, lookup) : sourceValue(envVar, pod, container, values);
    if (value !== undefined && envVar.name) env[envVar.name] = value;
  }
  return env;
}
