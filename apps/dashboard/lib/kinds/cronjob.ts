import type { CronJob } from '@wheelhouse/model';
import { manualJobFromCronJob, type JobFromCronJob } from '@wheelhouse/resources/batch/job-from-cronjob';
import { listKind } from './list-kind.ts';

/** CronJobs: kubectl's columns; suspend/resume patch spec.suspend, "trigger now" creates a Job from the template. */
export const CronJobKind = listKind('CronJob', { actions: { suspend: 'patchCronJob', trigger: 'createJob' } });

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * The Job a "trigger now" creates: kubectl create job --from=cronjob/NAME, named as the
 * Kubernetes Dashboard names it, `<cronjob>-manual-<3 random characters>` (a CronJob's
 * name has at most 52 characters, so this stays within a Job's 63).
 */
export function triggeredJob(cronJob: CronJob, random: () => number = Math.random): JobFromCronJob {
  const suffix = Array.from({ length: 3 }, () => SUFFIX_ALPHABET[Math.floor(random() * SUFFIX_ALPHABET.length)]).join('');
  return manualJobFromCronJob(cronJob, `${cronJob.metadata.name}-manual-${suffix}`);
}
