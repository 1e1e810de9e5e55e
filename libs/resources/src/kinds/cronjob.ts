import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import { validateCronJob } from '../batch/cronjob-validation.js';
import { defaultCronJob } from '../batch/cronjob-defaults.js';
import type { CronJobLike } from '../batch/cronjob-types.js';

/** batch/v1 CronJob: defaults and validation on write; the CronJob controller makes its Jobs. */
export const CronJobKind: KindInfo = {
  ...KIND_CATALOGUE.CronJob,
  table: 'cron_jobs',
  nameRule: 'subdomain',
  bodyKey: 'spec',
  columns: () => ({}),
  selectableFields: () => ({}),
  fieldColumns: {},
  applyDefaults: (o) => defaultCronJob(o as CronJobLike) as KubeObject,
  validate: (o) => validateCronJob(o as CronJobLike),
};
