import { defaultPodSpec } from '../defaults/pod.js';
import type { CronJobLike } from './cronjob-types.js';

/**
 * SetDefaults_CronJob: Allow, not suspended, 3 successful and 1 failed Job kept. The
 * Job template's pod spec gets the pod defaults (its Job fields are defaulted when the
 * controller creates a Job from it, as Kubernetes does).
 */
export function defaultCronJob<T extends CronJobLike>(object: T): T {
  const spec = { ...(object.spec ?? {}) };
  spec.concurrencyPolicy ??= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const template = spec.jobTemplate?.spec?.template;
  if (template) {
    spec.jobTemplate = { ...spec.jobTemplate, spec: { ...spec.jobTemplate!.spec, template: { ...template, spec: defaultPodSpec(template.spec ?? {}) } } };
  }
  return { ...object, spec };
}
