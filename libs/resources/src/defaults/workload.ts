import { defaultPodSpec } from './pod.js';

type Workload = { metadata?: { labels?: Record<string, string> }; spec?: Record<string, unknown> };
type Template = { metadata?: { labels?: Record<string, string> }; spec?: unknown };

/** apps/v1 ReplicaSet (and the shared part of Deployment): one replica, pod-spec defaults in the template. */
export function defaultReplicaSet<T extends Workload>(object: T): T {
  const spec = { ...(object.spec ?? {}) };
  spec.replicas ??= 1;
  spec.minReadySeconds ??= 0;
  const template = spec.template as Template | undefined;
  if (template) spec.template = { ...template, spec: defaultPodSpec(template.spec ?? {}) };
  return { ...object, spec };
}

/** v1 ReplicationController: the selector and the object's labels default to the template's labels. */
export function defaultReplicationController<T extends Workload>(object: T): T {
  const defaulted = defaultReplicaSet(object);
  const spec = { ...(defaulted.spec ?? {}) };
  const labels = (spec.template as Template | undefined)?.metadata?.labels ?? {};
  if (!spec.selector || Object.keys(spec.selector as object).length === 0) spec.selector = { ...labels };
  const metaLabels = object.metadata?.labels;
  const metadata = { ...(object.metadata ?? {}), labels: metaLabels && Object.keys(metaLabels).length > 0 ? metaLabels : { ...labels } };
  return { ...defaulted, metadata, spec };
}

/** apps/v1 Deployment: RollingUpdate 25%/25%, ten revisions of history, a 600 s progress deadline. */
export function defaultDeployment<T extends Workload>(object: T): T {
  const defaulted = defaultReplicaSet(object);
  const spec = { ...(defaulted.spec ?? {}) };
  const strategy = { ...((spec.strategy as Record<string, unknown> | undefined) ?? {}) };
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rolling = { ...((strategy.rollingUpdate as Record<string, unknown> | undefined) ?? {}) };
    rolling.maxSurge ??= '25%';
    rolling.maxUnavailable ??= '25%';
    strategy.rollingUpdate = rolling;
  }
  spec.strategy = strategy;
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  return { ...defaulted, spec };
}
