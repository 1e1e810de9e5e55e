import type { JobSpecLike } from './job-types.js';

/** The shape of a batch/v1 CronJob as validation, defaulting and the controller read it. */
export interface CronJobSpecLike {
  schedule?: string;
  timeZone?: string;
  startingDeadlineSeconds?: number;
  concurrencyPolicy?: string;
  suspend?: boolean;
  jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: JobSpecLike };
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
}

export interface CronJobLike {
  metadata?: { name?: string; uid?: string };
  spec?: CronJobSpecLike;
}
