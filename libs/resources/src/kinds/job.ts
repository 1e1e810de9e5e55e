import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import { validateJob, validateJobUpdate } from '../batch/job-validation.js';
import { defaultJob } from '../batch/job-defaults.js';
import { validateJobFieldsImplemented } from '../batch/job-unsupported.js';
import type { JobLike } from '../batch/job-types.js';

/** batch/v1 Job: defaults and generated selector on write; counted by the Job controller. */
export const JobKind: KindInfo = {
  ...KIND_CATALOGUE.Job,
  table: 'jobs',
  nameRule: 'subdomain',
  bodyKey: 'spec',
  columns: () => ({}),
  selectableFields: () => ({}),
  fieldColumns: {},
  applyDefaults: (o) => defaultJob(o as JobLike) as KubeObject,
  validate: (o) => [...validateJob(o as JobLike), ...validateJobFieldsImplemented((o as JobLike).spec)],
  validateUpdate: (next, prev) => validateJobUpdate(next as JobLike, prev as JobLike),
};
