// A container spec + the pod + node facts → what the runtime starts (env resolved,
// $(VAR) references in command and args expanded, as the kubelet does).
import { quantityToBytes } from '@wheelhouse/resources';
import { expandCommandAndArgs, resolveEnv, type ConfigObjects, type ServiceLister } from '../container-env.js';
import type { ContainerConfig } from '../runtime/runtime.js';
import { containerMounts } from '../volumes/container-mounts.js';
import type { Container, Pod } from '@wheelhouse/model';

export interface NodeFacts {
  nodeName: string;
  hostIP: string;
  allocatable?: Record<string, string>;
}

/** Where env values from ConfigMaps and Secrets come from, and who hears of skipped envFrom keys. */
export interface ConfigSources {
  configObjects?: ConfigObjects;
  services?: ServiceLister;
  onInvalidNames?: (message: string) => void;
}

/** What env and downward API values read that only the node knows. */
export function runtimeValues(podIP: string, node: NodeFacts, sources: ConfigSources = {}) {
  return {
    podIP,
    podIPs: [podIP],
    nodeName: node.nodeName,
    hostIP: node.hostIP,
    hostIPs: [node.hostIP],
    nodeAllocatable: node.allocatable,
    ...sources,
  };
}

/** Throws ContainerConfigError (reason CreateContainerConfigError) when the env cannot be built. */
export function containerConfig(pod: Pod, spec: Container, init: boolean, podIP: string, node: NodeFacts, sources: ConfigSources = {}): ContainerConfig {
  const env = resolveEnv(pod, spec, runtimeValues(podIP, node, sources));
  const { command, args } = expandCommandAndArgs(spec, env);
  const limit = spec.resources?.limits?.memory;
  const memoryLimitBytes = limit ? Number(quantityToBytes(limit) ?? NaN) : undefined;
  const config: ContainerConfig = { name: spec.name ?? '', image: spec.image ?? '', command, args, env, init };
  if (spec.workingDir) config.workingDir = spec.workingDir;
  if (spec.volumeMounts?.length) config.mounts = containerMounts(spec, env, pod.spec?.volumes ?? []);
  if (memoryLimitBytes !== undefined && Number.isFinite(memoryLimitBytes)) config.memoryLimitBytes = memoryLimitBytes;
  return config;
}
