// After Kubernetes' TestValidateCronJob and TestValidateCronJobScheduleTZ
// (pkg/apis/batch/validation/validation_test.go), their create cases (see the module for
// why updates use the same rules). Upstream's fake "Continent/Zone" comes from a test
// tzdata zip; a real IANA zone stands in for it here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateCronJob } from './cronjob-validation.js';
import { defaultCronJob } from './cronjob-defaults.js';
import type { CronJobLike, CronJobSpecLike } from './cronjob-types.js';
import type { JobSpecLike } from './job-types.js';

const podTemplate = (restartPolicy = 'OnFailure') => ({
  spec: { restartPolicy, dnsPolicy: 'ClusterFirst', containers: [{ name: 'abc', image: 'image', imagePullPolicy: 'IfNotPresent' }] },
});
const cronJob = (spec: CronJobSpecLike = {}, jobSpec: JobSpecLike = {}, name = 'mycronjob'): CronJobLike => ({
  metadata: { name, uid: '1a2b3c' },
  spec: { schedule: '* * * * ?', concurrencyPolicy: 'Allow', jobTemplate: { spec: { template: podTemplate(), ...jobSpec } }, ...spec },
});
/** `field: text` of the first error, as upstream's table keys compare it. */
const firstError = (cj: CronJobLike) => {
  const e = validateCronJob(cj)[0];
  return e ? `${e.field}: ${e.message}` : undefined;
};

test('TestValidateCronJob: success cases', () => {
  const cases: [string, CronJobLike][] = [
    ['basic scheduled job', cronJob()],
    ['non-standard scheduled', cronJob({ schedule: '@hourly' })],
    ['correct timeZone value', cronJob({ schedule: '0 * * * *', timeZone: 'Europe/Berlin' })],
    ['legacy zone name with digits', cronJob({ schedule: '0 * * * *', timeZone: 'Etc/GMT+5' })],
  ];
  for (const [name, cj] of cases) assert.deepEqual(validateCronJob(cj), [], name);
});

test('TestValidateCronJob: error cases, the first error on its field with its text', () => {
  const long = '10000000002000000000300000000040000000005000000000123';
  const cases: [string, CronJobLike, string][] = [
    ['bad schedule', cronJob({ schedule: 'error' }), 'spec.schedule: Invalid value: "error": expected exactly 5 fields, found 1: [error]'],
    ['no schedule', cronJob({ schedule: '' }), 'spec.schedule: Required value'],
    ['empty timeZone', cronJob({ schedule: '0 * * * *', timeZone: '' }), 'spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string'],
    [
      'Local',
      cronJob({ schedule: '0 * * * *', timeZone: 'LOCAL' }),
      'spec.timeZone: Invalid value: "LOCAL": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
    ],
    ['bad prefix', cronJob({ schedule: '0 * * * *', timeZone: ' Continent/Zone' }), 'spec.timeZone: Invalid value: " Continent/Zone": unknown time zone  Continent/Zone'],
    ['bad suffix', cronJob({ schedule: '0 * * * *', timeZone: 'Continent/Zone ' }), 'spec.timeZone: Invalid value: "Continent/Zone ": unknown time zone Continent/Zone '],
    [
      'unknown zone',
      cronJob({ schedule: '0 * * * *', timeZone: 'Continent/InvalidZone' }),
      'spec.timeZone: Invalid value: "Continent/InvalidZone": unknown time zone Continent/InvalidZone',
    ],
    ['space zone', cronJob({ schedule: '0 * * * *', timeZone: ' ' }), 'spec.timeZone: Invalid value: " ": unknown time zone  '],
    ['negative deadline', cronJob({ startingDeadlineSeconds: -1 }), 'spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0'],
    ['negative success history', cronJob({ successfulJobsHistoryLimit: -1 }), 'spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0'],
    ['negative failed history', cronJob({ failedJobsHistoryLimit: -1 }), 'spec.failedJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0'],
    ['no concurrency policy', cronJob({ concurrencyPolicy: undefined }), 'spec.concurrencyPolicy: Required value'],
    [
      'unknown concurrency policy',
      cronJob({ concurrencyPolicy: 'Sometimes' }),
      'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
    ],
    ['negative parallelism', cronJob({}, { parallelism: -1 }), 'spec.jobTemplate.spec.parallelism: Invalid value: -1: must be greater than or equal to 0'],
    ['negative completions', cronJob({}, { completions: -1 }), 'spec.jobTemplate.spec.completions: Invalid value: -1: must be greater than or equal to 0'],
    ['negative deadline', cronJob({}, { activeDeadlineSeconds: -1 }), 'spec.jobTemplate.spec.activeDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0'],
    [
      'selector given',
      cronJob({}, { selector: { matchLabels: { a: 'b' } } }),
      'spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: `selector` will be auto-generated',
    ],
    ['name too long', cronJob({}, {}, long), `metadata.name: Invalid value: "${long}": must be no more than 52 characters`],
    ['manual selector', cronJob({}, { manualSelector: true }), 'spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"'],
    [
      'restartPolicy Always',
      cronJob({}, { template: podTemplate('Always') }),
      'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ],
    ['restartPolicy Invalid', cronJob({}, { template: podTemplate('Invalid') }), 'spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Invalid"'],
    ['negative ttl', cronJob({}, { ttlSecondsAfterFinished: -1 }), 'spec.jobTemplate.spec.ttlSecondsAfterFinished: Invalid value: -1: must be greater than or equal to 0'],
  ];
  for (const [name, cj, expected] of cases) {
    const got = firstError(cj);
    assert.ok(got?.startsWith(expected), `${name}: got ${got}, expected ${expected}`);
  }
});

test('TestValidateCronJobScheduleTZ: TZ or CRON_TZ in a schedule is refused, the zone belongs in timeZone', () => {
  assert.deepEqual(
    validateCronJob(cronJob({ schedule: 'TZ=UTC 0 * * * *' })).map((e) => `${e.field}: ${e.message}`),
    ['spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead'],
  );
  assert.deepEqual(
    validateCronJob(cronJob({ schedule: 'CRON_TZ=Mars/Olympus 0 * * * *' })).map((e) => e.message),
    [
      'Invalid value: "CRON_TZ=Mars/Olympus 0 * * * *": provided bad location Mars/Olympus: unknown time zone Mars/Olympus',
      'Invalid value: "CRON_TZ=Mars/Olympus 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ],
  );
});

test('SetDefaults_CronJob: Allow, not suspended, history 3 and 1; the template pod spec defaulted; given values kept', () => {
  const defaulted = defaultCronJob<CronJobLike>({ metadata: { name: 'c' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: podTemplate() } } } });
  assert.equal(defaulted.spec?.concurrencyPolicy, 'Allow');
  assert.equal(defaulted.spec?.suspend, false);
  assert.equal(defaulted.spec?.successfulJobsHistoryLimit, 3);
  assert.equal(defaulted.spec?.failedJobsHistoryLimit, 1);
  assert.equal((defaulted.spec?.jobTemplate?.spec?.template?.spec as Record<string, unknown> | undefined)?.terminationGracePeriodSeconds, 30);
  const kept = defaultCronJob<CronJobLike>({ spec: { concurrencyPolicy: 'Forbid', suspend: true, successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 5 } });
  assert.deepEqual([kept.spec?.concurrencyPolicy, kept.spec?.suspend, kept.spec?.successfulJobsHistoryLimit, kept.spec?.failedJobsHistoryLimit], ['Forbid', true, 0, 5]);
});

test('Job fields the Job controller does not implement are refused in the template, at their place', () => {
  const errors = validateCronJob(cronJob({}, { completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1 }));
  assert.ok(errors.some((e) => e.field === 'spec.jobTemplate.spec.backoffLimitPerIndex' && e.type === 'Forbidden'));
});
