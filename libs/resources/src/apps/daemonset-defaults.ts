import { defaultPodSpec } from '../defaults/pod.js';
import { cloneJson } from '../defaults/json-object.js';
import { jsonEqual } from '../validation/json-diff.js';
import { TEMPLATE_GENERATION_ANNOTATION, type DaemonSetLike } from './daemonset-types.js';

/**
 * SetDefaults_DaemonSet (apps/v1): RollingUpdate with maxUnavailable 1 and maxSurge 0,
 * ten revisions of history, pod-spec defaults in the template; and, as the strategy's
 * PrepareForCreate does, template generation 1 when none is recorded yet.
 */
export function defaultDaemonSet<T extends DaemonSetLike>(object: T): T {
  const copy = cloneJson(object);
  copy.spec ??= {};
  const spec = copy.spec;
  spec.updateStrategy ??= {};
  const strategy = spec.updateStrategy;
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    strategy.rollingUpdate ??= {};
    const rolling = strategy.rollingUpdate;
    rolling.maxUnavailable ??= 1;
    rolling.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  spec.minReadySeconds ??= 0;
  if (spec.template) spec.template = { ...spec.template, spec: defaultPodSpec(spec.template.spec ?? {}) };
  copy.metadata ??= {};
  const metadata = copy.metadata;
  if (!metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION]) metadata.annotations = { ...metadata.annotations, [TEMPLATE_GENERATION_ANNOTATION]: '1' };
  return copy;
}

/** The strategy's PrepareForUpdate: the template generation is the server's, one more when the template changed. */
export function keepDaemonSetTemplateGeneration<T extends DaemonSetLike>(next: T, current: DaemonSetLike): T {
  const previous = Number(current.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? '1') || 1;
  const generation = jsonEqual(next.spec?.template ?? null, current.spec?.template ?? null) ? previous : previous + 1;
  return { ...next, metadata: { ...next.metadata, annotations: { ...next.metadata?.annotations, [TEMPLATE_GENERATION_ANNOTATION]: String(generation) } } };
}
