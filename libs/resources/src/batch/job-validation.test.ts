// After Kubernetes' TestValidateJob, TestValidateJobUpdate and TestValidateGeneratedSelector
// (pkg/apis/batch/validation/validation_test.go): the cases this port supports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateJob, validateJobUpdate } from './job-validation.js';
import { defaultJob } from './job-defaults.js';
import { fullText, summarise } from '../validation/fixtures.js';
import type { JobLike, JobSpecLike } from './job-types.js';

const uid = '1a2b3c';
const generatedLabels = { 'controller-uid': uid, 'job-name': 'myjob', 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'myjob' };
const template = (restartPolicy = 'OnFailure', labels: Record<string, string> = generatedLabels) => ({
  metadata: { labels },
  spec: { restartPolicy, dnsPolicy: 'ClusterFirst', containers: [{ name: 'abc', image: 'image', imagePullPolicy: 'IfNotPresent' }] },
});
/** A Job as the API sees it after defaulting: generated selector and labels. */
const job = (spec: JobSpecLike = {}): JobLike => ({
  metadata: { name: 'myjob', uid },
  spec: { selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } }, template: template(), ...spec },
});
const manual = (spec: JobSpecLike = {}): JobLike => job({ manualSelector: true, selector: { matchLabels: { a: 'b' } }, template: template('OnFailure', { a: 'b' }), ...spec });
const exitRule = (operator: string, values: number[], action = 'FailJob', containerName?: string) => ({
  action,
  onExitCodes: { operator, values, ...(containerName ? { containerName } : {}) },
});

test('TestValidateJob: valid jobs', () => {
  const valid: [string, JobLike][] = [
    ['valid success policy', job({ completionMode: 'Indexed', completions: 10, successPolicy: { rules: [{ succeededIndexes: '0-3', succeededCount: 2 }] } })],
    [
      'valid pod failure policy',
      job({
        template: template('Never'),
        podFailurePolicy: {
          rules: [exitRule('In', [1, 2, 3]), exitRule('NotIn', [0, 1], 'Count', 'abc'), { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }],
        },
      }),
    ],
    ['valid manual selector', manual()],
    ['valid generated selector', job()],
    ['valid NonIndexed completion mode', job({ completionMode: 'NonIndexed' })],
    ['valid Indexed completion mode', job({ completionMode: 'Indexed', completions: 2, parallelism: 100000 })],
    [
      'valid parallelism and maxFailedIndexes for high completions',
      job({ completionMode: 'Indexed', completions: 100001, parallelism: 10000, backoffLimitPerIndex: 1, maxFailedIndexes: 100000 }),
    ],
    ['valid job tracking annotation-free', job({ parallelism: 0 })],
    ['valid pod replacement policy Failed', job({ podReplacementPolicy: 'Failed' })],
    [
      'valid backoffLimitPerIndex with FailIndex',
      job({
        completionMode: 'Indexed',
        completions: 2,
        backoffLimitPerIndex: 1,
        template: template('Never'),
        podFailurePolicy: { rules: [exitRule('In', [1], 'FailIndex')] },
        podReplacementPolicy: 'Failed',
      }),
    ],
  ];
  for (const [name, j] of valid) assert.deepEqual(fullText(validateJob(j)), [], name);
});

test('TestValidateJob: invalid jobs', () => {
  const never = template('Never');
  const cases: [string, JobLike, string[]][] = [
    ['negative parallelism', job({ parallelism: -1 }), ['spec.parallelism Invalid']],
    ['negative completions', job({ completions: -1 }), ['spec.completions Invalid']],
    ['negative activeDeadlineSeconds', job({ activeDeadlineSeconds: -1 }), ['spec.activeDeadlineSeconds Invalid']],
    ['negative backoffLimit', job({ backoffLimit: -1 }), ['spec.backoffLimit Invalid']],
    ['negative ttlSecondsAfterFinished', job({ ttlSecondsAfterFinished: -1 }), ['spec.ttlSecondsAfterFinished Invalid']],
    ['selector required', manual({ selector: undefined }), ['spec.selector Required']],
    ['selector does not match labels', manual({ selector: { matchLabels: { a: 'c' } } }), ['spec.template.metadata.labels Invalid']],
    ['restartPolicy Always', job({ template: template('Always') }), ['spec.template.spec.restartPolicy Required']],
    ['restartPolicy unknown', job({ template: template('Sometimes') }), ['spec.template.spec.restartPolicy NotSupported']],
    ['completionMode unknown', job({ completionMode: 'Sometimes' }), ['spec.completionMode NotSupported']],
    ['Indexed without completions', job({ completionMode: 'Indexed' }), ['spec.completions Required']],
    ['Indexed parallelism above 100000', job({ completionMode: 'Indexed', completions: 2, parallelism: 100001 }), ['spec.parallelism Invalid']],
    ['backoffLimitPerIndex needs Indexed', job({ backoffLimitPerIndex: 1 }), ['spec.backoffLimitPerIndex Forbidden']],
    ['maxFailedIndexes needs backoffLimitPerIndex', job({ completionMode: 'Indexed', completions: 2, maxFailedIndexes: 1 }), ['spec.backoffLimitPerIndex Required']],
    ['maxFailedIndexes above completions', job({ completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1, maxFailedIndexes: 3 }), ['spec.maxFailedIndexes Invalid']],
    [
      'high completions need maxFailedIndexes',
      job({ completionMode: 'Indexed', completions: 100001, parallelism: 1, backoffLimitPerIndex: 1 }),
      ['spec.maxFailedIndexes Required'],
    ],
    [
      'high completions limit parallelism',
      job({ completionMode: 'Indexed', completions: 100001, parallelism: 10001, backoffLimitPerIndex: 1, maxFailedIndexes: 1 }),
      ['spec.parallelism Invalid'],
    ],
    ['successPolicy needs Indexed', job({ successPolicy: { rules: [{ succeededCount: 1 }] } }), ['spec.successPolicy Invalid']],
    ['successPolicy without rules', job({ completionMode: 'Indexed', completions: 2, successPolicy: { rules: [] } }), ['spec.successPolicy.rules Required']],
    ['successPolicy rule empty', job({ completionMode: 'Indexed', completions: 2, successPolicy: { rules: [{}] } }), ['spec.successPolicy.rules[0] Required']],
    [
      'successPolicy count above completions',
      job({ completionMode: 'Indexed', completions: 2, successPolicy: { rules: [{ succeededCount: 3 }] } }),
      ['spec.successPolicy.rules[0].succeededCount Invalid'],
    ],
    [
      'successPolicy bad indexes',
      job({ completionMode: 'Indexed', completions: 2, successPolicy: { rules: [{ succeededIndexes: '1-0' }] } }),
      ['spec.successPolicy.rules[0].succeededIndexes Invalid'],
    ],
    ['pod failure policy with OnFailure', job({ podFailurePolicy: { rules: [exitRule('In', [1])] } }), ['spec.template.spec.restartPolicy Invalid']],
    ['unknown action', job({ template: never, podFailurePolicy: { rules: [exitRule('In', [1], 'Retry')] } }), ['spec.podFailurePolicy.rules[0].action NotSupported']],
    [
      'FailIndex without backoffLimitPerIndex',
      job({ template: never, podFailurePolicy: { rules: [exitRule('In', [1], 'FailIndex')] } }),
      ['spec.podFailurePolicy.rules[0].action Invalid'],
    ],
    ['unknown operator', job({ template: never, podFailurePolicy: { rules: [exitRule('Bigger', [1])] } }), ['spec.podFailurePolicy.rules[0].onExitCodes.operator NotSupported']],
    ['no exit codes', job({ template: never, podFailurePolicy: { rules: [exitRule('In', [])] } }), ['spec.podFailurePolicy.rules[0].onExitCodes.values Invalid']],
    ['0 with In', job({ template: never, podFailurePolicy: { rules: [exitRule('In', [0, 1])] } }), ['spec.podFailurePolicy.rules[0].onExitCodes.values[0] Invalid']],
    ['duplicate exit codes', job({ template: never, podFailurePolicy: { rules: [exitRule('In', [1, 1])] } }), ['spec.podFailurePolicy.rules[0].onExitCodes.values[1] Duplicate']],
    ['unordered exit codes', job({ template: never, podFailurePolicy: { rules: [exitRule('In', [2, 1])] } }), ['spec.podFailurePolicy.rules[0].onExitCodes.values[1] Invalid']],
    [
      'unknown container',
      job({ template: never, podFailurePolicy: { rules: [exitRule('In', [1], 'FailJob', 'xyz')] } }),
      ['spec.podFailurePolicy.rules[0].onExitCodes.containerName Invalid'],
    ],
    [
      'too many exit codes',
      job({
        template: never,
        podFailurePolicy: {
          rules: [
            exitRule(
              'NotIn',
              Array.from({ length: 256 }, (_, i) => i),
            ),
          ],
        },
      }),
      ['spec.podFailurePolicy.rules[0].onExitCodes.values TooMany'],
    ],
    ['too many rules', job({ template: never, podFailurePolicy: { rules: Array.from({ length: 21 }, () => exitRule('In', [1])) } }), ['spec.podFailurePolicy.rules TooMany']],
    [
      'both requirements',
      job({ template: never, podFailurePolicy: { rules: [{ ...exitRule('In', [1]), onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] } }),
      ['spec.podFailurePolicy.rules[0] Invalid'],
    ],
    ['no requirement', job({ template: never, podFailurePolicy: { rules: [{ action: 'FailJob' }] } }), ['spec.podFailurePolicy.rules[0] Invalid']],
    [
      'bad condition status',
      job({ template: never, podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'Maybe' }] }] } }),
      ['spec.podFailurePolicy.rules[0].onPodConditions[0].status NotSupported'],
    ],
    [
      'TerminatingOrFailed with podFailurePolicy',
      job({ template: never, podReplacementPolicy: 'TerminatingOrFailed', podFailurePolicy: { rules: [exitRule('In', [1])] } }),
      ['spec.podReplacementPolicy NotSupported'],
    ],
    ['unknown podReplacementPolicy', job({ podReplacementPolicy: 'Sometimes' }), ['spec.podReplacementPolicy NotSupported']],
    [
      'generated selector: labels missing',
      job({ template: template('OnFailure', { 'batch.kubernetes.io/controller-uid': uid }) }),
      [
        'spec.template.metadata.labels[controller-uid] Required',
        'spec.template.metadata.labels[job-name] Required',
        'spec.template.metadata.labels[batch.kubernetes.io/job-name] Required',
      ],
    ],
    [
      'generated selector: selects something else',
      job({ selector: { matchLabels: { a: 'b' } }, template: template('OnFailure', { ...generatedLabels, a: 'b' }) }),
      ['spec.selector Invalid'],
    ],
    [
      'generated selector: wrong uid',
      job({ template: template('OnFailure', { ...generatedLabels, 'controller-uid': 'other' }) }),
      ['spec.template.metadata.labels[controller-uid] Invalid'],
    ],
  ];
  for (const [name, j, expected] of cases) assert.deepEqual(summarise(validateJob(j)), expected, name);
});

test('Kubernetes messages', () => {
  assert.deepEqual(fullText(validateJob(job({ template: template('Always') }))), ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  assert.deepEqual(fullText(validateJob(job({ completionMode: 'Indexed' }))), ['spec.completions: Required value: when completion mode is Indexed']);
  assert.deepEqual(fullText(validateJob(job({ selector: { matchLabels: { a: 'b' } }, template: template('OnFailure', { ...generatedLabels, a: 'b' }) }))), [
    'spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: `selector` not auto-generated',
  ]);
});

test('TestValidateJobUpdate', () => {
  const base = job({ completions: 2, parallelism: 2 });
  const cases: [string, JobLike, JobLike, string[]][] = [
    ['parallelism may change', base, job({ completions: 2, parallelism: 5 }), []],
    ['activeDeadlineSeconds may change', base, job({ completions: 2, parallelism: 2, activeDeadlineSeconds: 10 }), []],
    ['completions immutable', base, job({ completions: 3, parallelism: 2 }), ['spec.completions Invalid']],
    [
      'selector immutable',
      manual(),
      manual({ selector: { matchLabels: { a: 'b', c: 'd' } }, template: template('OnFailure', { a: 'b', c: 'd' }) }),
      ['spec.selector Invalid', 'spec.template Invalid'],
    ],
    ['template immutable', base, job({ completions: 2, parallelism: 2, template: template('Never') }), ['spec.template Invalid']],
    ['template mutable while suspended and never started', job({ suspend: true }), job({ suspend: true, template: template('Never') }), []],
    ['completionMode immutable', base, job({ completions: 2, parallelism: 2, completionMode: 'Indexed' }), ['spec.completionMode Invalid']],
    ['elastic indexed job', job({ completionMode: 'Indexed', completions: 2, parallelism: 2 }), job({ completionMode: 'Indexed', completions: 4, parallelism: 4 }), []],
    [
      'indexed completions alone immutable',
      job({ completionMode: 'Indexed', completions: 2, parallelism: 2 }),
      job({ completionMode: 'Indexed', completions: 4, parallelism: 2 }),
      ['spec.completions Invalid'],
    ],
  ];
  for (const [name, prev, next, expected] of cases) assert.deepEqual(summarise(validateJobUpdate(next, prev)), expected, name);
});

test('SetDefaults_Job and the generated selector', () => {
  const given: { metadata: { name: string; uid: string; labels?: Record<string, string> }; spec: JobSpecLike } = {
    metadata: { name: 'pi', uid },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } },
  };
  const d = defaultJob(given);
  const def = (spec: JobSpecLike) => defaultJob<typeof given>({ ...given, spec: { ...given.spec, ...spec } });
  assert.equal(d.spec.completions, 1);
  assert.equal(d.spec.parallelism, 1);
  assert.equal(d.spec.backoffLimit, 6);
  assert.equal(d.spec.completionMode, 'NonIndexed');
  assert.equal(d.spec.suspend, false);
  assert.equal(d.spec.podReplacementPolicy, 'TerminatingOrFailed');
  assert.deepEqual(d.spec.selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
  assert.deepEqual(d.spec.template?.metadata?.labels, { ...generatedLabels, 'job-name': 'pi', 'batch.kubernetes.io/job-name': 'pi' });
  assert.deepEqual(d.metadata?.labels, d.spec.template?.metadata?.labels, 'the Job takes its template labels');
  assert.deepEqual(validateJob(d), [], 'a defaulted Job validates');
  // parallelism alone leaves completions unset (work queue); a per-index limit makes backoffLimit unbounded.
  const queue = def({ parallelism: 3 });
  assert.equal(queue.spec?.completions, undefined);
  const perIndex = def({ completionMode: 'Indexed', completions: 3, backoffLimitPerIndex: 1 });
  assert.equal(perIndex.spec?.backoffLimit, 2147483647);
  const pfp = def({ podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } });
  assert.equal(pfp.spec?.podReplacementPolicy, 'Failed');
  assert.equal(pfp.spec?.podFailurePolicy?.rules?.[0]?.onPodConditions?.[0]?.status, 'True');
  // A manual selector gets no generated labels or selector.
  const own = def({ manualSelector: true });
  assert.equal(own.spec?.selector, undefined);
  assert.equal(own.spec?.template?.metadata, undefined);
});
