import { defaultPodSpec } from '../defaults/pod.js';
import { JOB_CONTROLLER_UID_LABEL, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL } from './job-labels.js';
import type { JobSpecLike } from './job-types.js';

type Job = { metadata?: { name?: string; uid?: string; labels?: Record<string, string> }; spec?: JobSpecLike };

const MAX_INT32 = 2_147_483_647;

/**
 * SetDefaults_Job and the Job strategy's selector generation: one completion and one
 * pod unless told otherwise, six retries (unbounded with a per-index limit), and, unless
 * the selector is manual, pods labelled with the Job's uid and name and a selector on the uid.
 */
export function defaultJob<T extends Job>(object: T): T {
  const spec: JobSpecLike = { ...(object.spec ?? {}) };
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? MAX_INT32 : 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.manualSelector ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy !== undefined ? 'Failed' : 'TerminatingOrFailed';
  if (spec.podFailurePolicy?.rules) {
    spec.podFailurePolicy = {
      ...spec.podFailurePolicy,
      rules: spec.podFailurePolicy.rules.map((r) => (r.onPodConditions ? { ...r, onPodConditions: r.onPodConditions.map((c) => ({ ...c, status: c.status ?? 'True' })) } : r)),
    };
  }
  const template = spec.template ? { ...spec.template, spec: defaultPodSpec(spec.template.spec ?? {}) } : undefined;
  const uid = object.metadata?.uid;
  const name = object.metadata?.name ?? '';
  if (template && spec.manualSelector !== true && uid) {
    const generated = { [LEGACY_CONTROLLER_UID_LABEL]: uid, [LEGACY_JOB_NAME_LABEL]: name, [JOB_CONTROLLER_UID_LABEL]: uid, [JOB_NAME_LABEL]: name };
    // The user's own labels win: validation then reports the conflict instead of hiding it.
    template.metadata = { ...(template.metadata ?? {}), labels: { ...generated, ...(template.metadata?.labels ?? {}) } };
    spec.selector ??= { matchLabels: { [JOB_CONTROLLER_UID_LABEL]: uid } };
  }
  if (template) spec.template = template;
  const templateLabels = template?.metadata?.labels;
  const labels = object.metadata?.labels;
  const metadata = templateLabels && (!labels || Object.keys(labels).length === 0) ? { ...object.metadata, labels: { ...templateLabels } } : object.metadata;
  return { ...object, metadata, spec };
}
