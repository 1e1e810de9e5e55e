export * from './job-labels.js';
export { parseIndexes, formatIndexes } from './indexes.js';
export { validateJob, validateJobSpec, validateJobSpecBody, validateGeneratedSelector, validateJobUpdate } from './job-validation.js';
export { defaultJob } from './job-defaults.js';
export type { JobLike, JobSpecLike, PodFailurePolicyRuleLike } from './job-types.js';
export { parseCronSchedule, type CronSchedule } from './cron-schedule.js';
