/** Where a kind keeps the pod spec that `wh set` edits. */
import { CliError } from '../errors.js';
import type { KubeObj } from '../print/object.js';

export interface ContainerSpec {
  name: string;
  image?: string;
  env?: { name: string; value?: string; valueFrom?: unknown }[] | null;
  resources?: { limits?: Record<string, string> | null; requests?: Record<string, string> | null } | null;
  [key: string]: unknown;
}

export interface PodSpecLike {
  containers?: ContainerSpec[] | null;
  initContainers?: ContainerSpec[] | null;
  [key: string]: unknown;
}

export function podSpecOf(object: KubeObj): PodSpecLike {
  const spec = object.spec ?? {};
  const podSpec = object.kind === 'Pod' ? spec : object.kind === 'CronJob' ? spec.jobTemplate?.spec?.template?.spec : spec.template?.spec;
  if (!podSpec) throw new CliError(`${object.kind ?? 'the object'} "${object.metadata.name}" has no pod template`);
  return podSpec;
}

/** Containers and init containers named by `selector` (`*` for all), as kubectl's `-c`. */
export function selectContainers(spec: PodSpecLike, selector: string): ContainerSpec[] {
  const all = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  return selector === '*' ? all : all.filter((c) => c.name === selector);
}
