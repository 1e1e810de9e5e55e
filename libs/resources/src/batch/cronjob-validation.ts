// Kubernetes' ValidateCronJobCreate (pkg/apis/batch/validation). The store runs it on every
// write. ValidateCronJobUpdate differs only where nothing here can differ: it keeps a
// schedule that already had TZ= (refused at creation here, so none has) and does not check
// the name's length again (a name never changes).
import { invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { parseCronSchedule } from './cron-schedule.js';
import type { CronJobLike, CronJobSpecLike } from './cronjob-types.js';
import { validateJobFieldsImplemented } from './job-unsupported.js';
import { validateJobSpecBody } from './job-validation.js';

/** The controller appends `-<minutes since the epoch>` (11 characters) to the name of each Job, which may have 63. */
export const CRONJOB_NAME_MAX = 52;
const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'] as const;
// IANA naming rules (https://data.iana.org/time-zones/theory.html#naming), digits and + tolerated for legacy names.
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

const nonNegative = (value: number | undefined, path: string): FieldError[] =>
  value !== undefined && (!Number.isInteger(value) || value < 0) ? [invalidError(path, value, 'must be greater than or equal to 0')] : [];

export function validateCronJob(cronJob: CronJobLike): FieldError[] {
  const errors = validateCronJobSpec(cronJob.spec ?? {});
  const name = cronJob.metadata?.name ?? '';
  if (name.length > CRONJOB_NAME_MAX) errors.push(invalidError('metadata.name', name, `must be no more than ${CRONJOB_NAME_MAX} characters`));
  return errors;
}

function validateCronJobSpec(spec: CronJobSpecLike): FieldError[] {
  const errors: FieldError[] = [];
  if (!spec.schedule) errors.push(requiredError('spec.schedule'));
  else errors.push(...validateSchedule(spec.schedule, spec.timeZone));
  errors.push(...nonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  errors.push(...validateTimeZone(spec.timeZone, 'spec.timeZone'));
  errors.push(...validateConcurrencyPolicy(spec.concurrencyPolicy));
  errors.push(...validateJobTemplate(spec.jobTemplate));
  errors.push(...nonNegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errors.push(...nonNegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  return errors;
}

/** The schedule as robfig's ParseStandard reads it (a leading TZ=/CRON_TZ= included); the zone itself belongs in timeZone. */
function validateSchedule(schedule: string, timeZone: string | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const prefix = /^(?:CRON_TZ|TZ)=(\S*)\s+/.exec(schedule.trim());
  const zone = prefix?.[1] ?? timeZone;
  try {
    if (prefix && !isKnownTimeZone(prefix[1]!)) throw new Error(`provided bad location ${prefix[1]}: unknown time zone ${prefix[1]}`);
    // A bad timeZone field is reported on its own path; the fields are checked in UTC then.
    parseCronSchedule(prefix ? schedule.trim().slice(prefix[0].length) : schedule, zone && isKnownTimeZone(zone) ? zone : 'UTC');
  } catch (error) {
    errors.push(invalidError('spec.schedule', schedule, (error as Error).message));
  }
  if (schedule.includes('TZ')) errors.push(invalidError('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  return errors;
}

function validateTimeZone(timeZone: string | undefined, path: string): FieldError[] {
  if (timeZone === undefined) return [];
  if (timeZone === '') return [invalidError(path, timeZone, 'timeZone must be nil or non-empty string')];
  const badPart = timeZone.split('/').some((p) => p === '.' || p === '..' || p.startsWith('-') || !TIME_ZONE_PART.test(p));
  if (badPart) return [invalidError(path, timeZone, `unknown time zone ${timeZone}`)];
  if (timeZone.toLowerCase() === 'local') return [invalidError(path, timeZone, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')];
  if (!isKnownTimeZone(timeZone)) return [invalidError(path, timeZone, `unknown time zone ${timeZone}`)];
  return [];
}

/** Node's ICU time zone database stands in for Go's time.LoadLocation. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function validateConcurrencyPolicy(policy: string | undefined): FieldError[] {
  if (policy === undefined || policy === '') return [requiredError('spec.concurrencyPolicy')];
  return (CONCURRENCY_POLICIES as readonly string[]).includes(policy) ? [] : [notSupportedError('spec.concurrencyPolicy', policy, CONCURRENCY_POLICIES)];
}

/** ValidateJobTemplateSpec: a Job spec whose selector is generated for each Job made from it. */
function validateJobTemplate(template: CronJobSpecLike['jobTemplate']): FieldError[] {
  const path = 'spec.jobTemplate.spec';
  const spec = template?.spec ?? {};
  const errors = validateJobSpecBody(spec, path);
  if (spec.selector !== undefined && spec.selector !== null) errors.push(invalidError(`${path}.selector`, spec.selector, '`selector` will be auto-generated'));
  if (spec.manualSelector === true) errors.push(notSupportedError(`${path}.manualSelector`, spec.manualSelector, ['nil', 'false']));
  // Fields the Job kind refuses would make every Job of this CronJob fail to be created: refused here, at their place in the template.
  errors.push(...validateJobFieldsImplemented(spec).map((e) => ({ ...e, field: e.field.replace(/^spec\./, `${path}.`) })));
  return errors;
}
