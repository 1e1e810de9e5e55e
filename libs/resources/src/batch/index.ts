export * from './job-labels.js';
export { parseIndexes, formatIndexes } from './indexes.js';
export { validateJob, validateJobSpec, validateJobSpecBody, validateGeneratedSelector, validateJobUpdate } from './job-validation.js';
export { defaultJob } from './job-defaults.js';
export type { JobLike, JobSpecLike, PodFailurePolicyRuleLike } from './job-types.js';
export { parseCronSchedule, type CronSchedule } from './cron-schedule.js';
export { validateCronJob, isKnownTimeZone, CRONJOB_NAME_MAX } from './cronjob-validation.js';
export { defaultCronJob } from './cronjob-defaults.js';
export type { CronJobSpecLike } from './cronjob-types.js';
export {
  scheduledJobFromCronJob,
  manualJobFromCronJob,
  formatRfc3339In,
  CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION,
  CRONJOB_INSTANTIATE_ANNOTATION,
  type JobFromCronJob,
  type CronJobSource,
} from './job-from-cronjob.js';
