// Cases after Kubernetes' TestControllerSyncJob (pkg/controller/job/job_controller_test.go):
// pod counts in, creations, deletions and status out. Pods carry the job-tracking
// finalizer, as the controller creates them; `settle` plays the API's part across syncs
// (status written, finalizers removed) to show the counting protocol.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JOB_COMPLETION_INDEX, JOB_TRACKING_FINALIZER, type JobSpecLike } from '@wheelhouse/resources';
import { decideJob, type JobAction } from './decide.js';
import type { Job, JobStatus, Pod } from './types.js';

const NOW = new Date('2026-01-01T00:10:00Z');
let seq = 0;
const job = (spec: JobSpecLike, status: JobStatus = {}): Job => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'foobar', namespace: 'default', uid: 'job-uid', resourceVersion: '1' },
  spec: { parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'x' }] } }, ...spec },
  status,
});
const pod = (phase: string, extra: { index?: number; tracked?: boolean; deleting?: boolean; ready?: boolean } = {}): Pod => ({
  metadata: {
    name: `pod-${++seq}`,
    namespace: 'default',
    uid: `uid-${seq}`,
    finalizers: extra.tracked === false ? [] : [JOB_TRACKING_FINALIZER],
    annotations: extra.index !== undefined ? { [JOB_COMPLETION_INDEX]: String(extra.index) } : {},
    ...(extra.deleting ? { deletionTimestamp: '2026-01-01T00:09:00Z' } : {}),
  },
  status: { phase, ...(extra.ready ? { conditions: [{ type: 'Ready', status: 'True' }] } : {}) },
});
const many = (n: number, phase: string) => Array.from({ length: n }, () => pod(phase));
const of = <T extends JobAction['type']>(actions: JobAction[], type: T) => actions.filter((a) => a.type === type) as Extract<JobAction, { type: T }>[];
const statusOf = (actions: JobAction[], fallback: JobStatus = {}) => of(actions, 'status')[0]?.status ?? fallback;
const condition = (s: JobStatus, type: string) => s.conditions?.find((c) => c.type === type && c.status === 'True')?.reason;

/** Runs syncs as the API would answer them until nothing changes: status stored, finalizers removed, deleted pods gone. */
function settle(initial: Job, initialPods: Pod[], rounds = 5) {
  let j = initial;
  let pods = initialPods;
  const all: JobAction[] = [];
  for (let i = 0; i < rounds; i++) {
    const actions = decideJob({ job: j, pods, expectationsSatisfied: true, now: NOW });
    all.push(...actions);
    const s = of(actions, 'status')[0];
    if (s) j = { ...j, status: s.status };
    const released = new Set(of(actions, 'removeFinalizers').flatMap((a) => a.pods.map((p) => p.metadata.uid)));
    pods = pods.map((p) => (released.has(p.metadata.uid) ? { ...p, metadata: { ...p.metadata, finalizers: [] } } : p));
    if (!s && released.size === 0) break;
  }
  return { job: j, pods, actions: all };
}

test('TestControllerSyncJob: creations, deletions and counts', () => {
  const cases: { name: string; spec: JobSpecLike; pods: Pod[]; creations: number; deletions: number; active: number; succeeded: number; failed: number }[] = [
    { name: 'job start', spec: { parallelism: 2, completions: 5 }, pods: [], creations: 2, deletions: 0, active: 0, succeeded: 0, failed: 0 },
    { name: 'WQ job start', spec: { parallelism: 2 }, pods: [], creations: 2, deletions: 0, active: 0, succeeded: 0, failed: 0 },
    { name: 'pending pods', spec: { parallelism: 2, completions: 5 }, pods: many(2, 'Pending'), creations: 0, deletions: 0, active: 2, succeeded: 0, failed: 0 },
    { name: 'correct # of pods', spec: { parallelism: 2, completions: 5 }, pods: many(2, 'Running'), creations: 0, deletions: 0, active: 2, succeeded: 0, failed: 0 },
    { name: 'too many active pods', spec: { parallelism: 2, completions: 5 }, pods: many(3, 'Running'), creations: 0, deletions: 1, active: 2, succeeded: 0, failed: 0 },
    {
      name: 'too few active pods',
      spec: { parallelism: 2, completions: 5 },
      pods: [...many(1, 'Running'), ...many(1, 'Succeeded')],
      creations: 1,
      deletions: 0,
      active: 1,
      succeeded: 1,
      failed: 0,
    },
    {
      name: 'new failed pod',
      spec: { parallelism: 2, completions: 5 },
      pods: [...many(1, 'Running'), ...many(1, 'Failed')],
      creations: 1,
      deletions: 0,
      active: 1,
      succeeded: 0,
      failed: 1,
    },
    { name: 'only new failed pod', spec: { parallelism: 2, completions: 5 }, pods: many(1, 'Failed'), creations: 2, deletions: 0, active: 0, succeeded: 0, failed: 1 },
    { name: 'WQ job finishing', spec: { parallelism: 2 }, pods: [...many(1, 'Running'), ...many(1, 'Succeeded')], creations: 0, deletions: 0, active: 1, succeeded: 1, failed: 0 },
    {
      name: 'more active pods than parallelism',
      spec: { parallelism: 2, completions: 5 },
      pods: many(10, 'Running'),
      creations: 0,
      deletions: 8,
      active: 2,
      succeeded: 0,
      failed: 0,
    },
    {
      name: 'more active pods than remaining completions',
      spec: { parallelism: 3, completions: 4 },
      pods: [...many(3, 'Running'), ...many(2, 'Succeeded')],
      creations: 0,
      deletions: 1,
      active: 2,
      succeeded: 2,
      failed: 0,
    },
    {
      name: 'status change',
      spec: { parallelism: 2, completions: 5 },
      pods: [...many(2, 'Running'), ...many(2, 'Succeeded')],
      creations: 0,
      deletions: 0,
      active: 2,
      succeeded: 2,
      failed: 0,
    },
  ];
  for (const c of cases) {
    const actions = decideJob({ job: job(c.spec), pods: c.pods, expectationsSatisfied: true, now: NOW });
    const s = statusOf(actions);
    const counted = (s.succeeded ?? 0) + (s.uncountedTerminatedPods?.succeeded?.length ?? 0);
    const failed = (s.failed ?? 0) + (s.uncountedTerminatedPods?.failed?.length ?? 0);
    assert.equal(of(actions, 'create')[0]?.pods.length ?? 0, c.creations, `${c.name}: creations`);
    assert.equal(of(actions, 'delete')[0]?.pods.length ?? 0, c.deletions, `${c.name}: deletions`);
    assert.equal(s.active, c.active, `${c.name}: active (after this sync's deletions)`);
    assert.deepEqual([counted, failed], [c.succeeded, c.failed], `${c.name}: succeeded, failed`);
  }
});

test('job finish: SuccessCriteriaMet then Complete once every finalizer is gone; Completed event', () => {
  const { job: done, pods, actions } = settle(job({ parallelism: 2, completions: 5 }), many(5, 'Succeeded'));
  assert.equal(done.status?.succeeded, 5);
  assert.deepEqual(done.status?.uncountedTerminatedPods, { succeeded: [], failed: [] });
  assert.equal(condition(done.status!, 'SuccessCriteriaMet'), 'CompletionsReached');
  assert.equal(condition(done.status!, 'Complete'), 'CompletionsReached');
  assert.equal(done.status?.completionTime, NOW.toISOString());
  assert.ok(pods.every((p) => (p.metadata.finalizers as string[]).length === 0));
  assert.deepEqual(
    of(actions, 'event').map((e) => e.reason),
    ['Completed'],
  );
});

test('WQ job all finished despite one failure', () => {
  const { job: done } = settle(job({ parallelism: 2 }), [...many(1, 'Succeeded'), ...many(1, 'Failed')]);
  assert.equal(condition(done.status!, 'Complete'), 'CompletionsReached');
  assert.deepEqual([done.status?.succeeded, done.status?.failed], [1, 1]);
});

test('the uid is recorded as uncounted BEFORE its finalizer is removed, and counted once the finalizer is gone', () => {
  const p = pod('Succeeded');
  const first = decideJob({ job: job({ completions: 2 }), pods: [p], expectationsSatisfied: true, now: NOW });
  assert.deepEqual(
    first.map((a) => a.type),
    ['status', 'removeFinalizers', 'create'],
  );
  assert.deepEqual(statusOf(first).uncountedTerminatedPods?.succeeded, [p.metadata.uid]);
  assert.equal(statusOf(first).succeeded, 0);
  const recorded = job({ completions: 2 }, statusOf(first));
  // A stale cache still shows the finalizer: not counted again, the removal is retried.
  const stale = decideJob({ job: recorded, pods: [p], expectationsSatisfied: false, now: NOW });
  assert.equal(of(stale, 'status').length, 0);
  assert.equal(of(stale, 'removeFinalizers')[0]?.pods[0]?.metadata.uid, p.metadata.uid);
  // The finalizer gone (or the pod gone): counted exactly once.
  for (const pods of [[{ ...p, metadata: { ...p.metadata, finalizers: [] } }], []]) {
    const counted = statusOf(decideJob({ job: recorded, pods, expectationsSatisfied: false, now: NOW }));
    assert.equal(counted.succeeded, 1);
    assert.deepEqual(counted.uncountedTerminatedPods?.succeeded, []);
    const again = decideJob({ job: job({ completions: 2 }, counted), pods, expectationsSatisfied: false, now: NOW });
    assert.equal(statusOf(again, counted).succeeded, 1, 'never counted twice');
  }
});

test('too many job failures: FailureTarget, active pods deleted, then Failed with BackoffLimitExceeded', () => {
  const running = pod('Running');
  const first = decideJob({ job: job({ parallelism: 2, completions: 5, backoffLimit: 0 }), pods: [running, pod('Failed')], expectationsSatisfied: true, now: NOW });
  assert.equal(condition(statusOf(first), 'FailureTarget'), 'BackoffLimitExceeded');
  assert.equal(condition(statusOf(first), 'Failed'), undefined, 'not Failed while pods still run');
  assert.deepEqual(
    of(first, 'delete')[0]?.pods.map((p) => p.metadata.uid),
    [running.metadata.uid],
  );
  assert.deepEqual(
    of(first, 'event').map((e) => [e.eventType, e.reason, e.message]),
    [['Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit']],
  );
  assert.equal(of(first, 'create').length, 0);
  const { job: failed } = settle(job({ parallelism: 2, completions: 5, backoffLimit: 0 }), [pod('Failed')]);
  assert.equal(condition(failed.status!, 'Failed'), 'BackoffLimitExceeded');
  assert.equal(failed.status?.completionTime, undefined);
});

test('activeDeadlineSeconds: DeadlineExceeded once passed; before that a requeue at the deadline', () => {
  const started = { startTime: '2026-01-01T00:09:00Z' };
  const early = decideJob({ job: job({ activeDeadlineSeconds: 120 }, started), pods: [pod('Running')], expectationsSatisfied: true, now: NOW });
  assert.deepEqual(of(early, 'requeueAfter'), [{ type: 'requeueAfter', ms: 60_000 }]);
  const { job: late } = settle(job({ activeDeadlineSeconds: 30 }, started), [pod('Running')]);
  assert.equal(condition(late.status!, 'FailureTarget'), 'DeadlineExceeded');
});

test('exponential back-off: no new pod until 10 s × 2^(failures since the last success - 1) after the last failure', () => {
  const finishedAgo = (phase: string, seconds: number): Pod => {
    const p = pod(phase);
    p.status!.containerStatuses = [
      { name: 'c', state: { terminated: { exitCode: phase === 'Failed' ? 1 : 0, finishedAt: new Date(NOW.getTime() - seconds * 1000).toISOString() } } },
    ];
    return p;
  };
  const sync = (pods: Pod[]) => decideJob({ job: job({ completions: 3 }), pods, expectationsSatisfied: true, now: NOW });
  const two = sync([finishedAgo('Failed', 30), finishedAgo('Failed', 5)]);
  assert.equal(of(two, 'create').length, 0);
  assert.equal(of(two, 'requeueAfter')[0]?.ms, 15_000, '2 failures: 20 s, 5 s of it gone');
  const afterSuccess = sync([finishedAgo('Failed', 30), finishedAgo('Succeeded', 20), finishedAgo('Failed', 5)]);
  assert.equal(of(afterSuccess, 'requeueAfter')[0]?.ms, 5_000, 'a success resets the count: 10 s, 5 s of it gone');
  const over = sync([finishedAgo('Failed', 25)]);
  assert.equal(of(over, 'create')[0]?.pods.length, 1);
});

test('podFailurePolicy: FailJob on an exit code, Ignore on DisruptionTarget, Count otherwise', () => {
  const exited = (code: number): Pod => {
    const p = pod('Failed');
    p.status!.containerStatuses = [{ name: 'main', state: { terminated: { exitCode: code } } }];
    return p;
  };
  const policy: JobSpecLike = {
    completions: 1,
    podFailurePolicy: {
      rules: [
        { action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] } },
        { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
      ],
    },
  };
  const failJob = statusOf(decideJob({ job: job(policy), pods: [exited(42)], expectationsSatisfied: true, now: NOW }));
  assert.equal(condition(failJob, 'FailureTarget'), 'PodFailurePolicy');
  assert.match(
    failJob.conditions!.find((c) => c.type === 'FailureTarget')!.message!,
    /Container main for pod default\/pod-\d+ failed with exit code 42 matching FailJob rule at index 0/,
  );
  const evicted = pod('Failed');
  evicted.status!.conditions = [{ type: 'DisruptionTarget', status: 'True' }];
  const ignored = decideJob({ job: job(policy), pods: [evicted], expectationsSatisfied: true, now: NOW });
  assert.deepEqual(statusOf(ignored).uncountedTerminatedPods, { succeeded: [], failed: [] }, 'not counted');
  assert.equal(of(ignored, 'removeFinalizers')[0]?.pods.length, 1, 'but released');
  assert.equal(of(ignored, 'create')[0]?.pods.length, 1, 'and replaced');
  const counted = statusOf(decideJob({ job: job(policy), pods: [exited(1)], expectationsSatisfied: true, now: NOW }));
  assert.equal(counted.uncountedTerminatedPods?.failed?.length, 1);
  assert.equal(condition(counted, 'FailureTarget'), undefined);
});

test('suspend deletes active pods without counting failures; resume restarts the clock', () => {
  const running = [pod('Running'), pod('Running')];
  const suspended = decideJob({ job: job({ parallelism: 2, completions: 4, suspend: true }), pods: running, expectationsSatisfied: true, now: NOW });
  assert.equal(of(suspended, 'delete')[0]?.pods.length, 2);
  assert.equal(condition(statusOf(suspended), 'Suspended'), 'JobSuspended');
  assert.equal(statusOf(suspended).active, 0);
  const terminating = running.map((p) => ({ ...p, metadata: { ...p.metadata, deletionTimestamp: NOW.toISOString() } }));
  const drained = settle(job({ parallelism: 2, completions: 4, suspend: true }, statusOf(suspended)), terminating).job;
  assert.equal(drained.status?.failed ?? 0, 0);
  const resumed = decideJob({ job: job({ parallelism: 2, completions: 4, suspend: false }, drained.status), pods: [], expectationsSatisfied: true, now: NOW });
  assert.equal(of(resumed, 'create')[0]?.pods.length, 2);
  const s = statusOf(resumed);
  assert.equal(s.conditions?.find((c) => c.type === 'Suspended')?.reason, 'JobResumed');
  assert.equal(s.startTime, NOW.toISOString());
});

test('Indexed: pods per missing index with the index annotation, label, env and hostname; completedIndexes', () => {
  const start = decideJob({ job: job({ completionMode: 'Indexed', completions: 5, parallelism: 2 }), pods: [], expectationsSatisfied: true, now: NOW });
  const created = of(start, 'create')[0]!.pods;
  assert.deepEqual(
    created.map((p) => p.metadata.annotations?.[JOB_COMPLETION_INDEX]),
    ['0', '1'],
  );
  const first = created[0]!;
  assert.equal(first.metadata.labels?.[JOB_COMPLETION_INDEX], '0');
  assert.equal(first.metadata.generateName, 'foobar-0-');
  assert.equal((first.spec as { hostname?: string }).hostname, 'foobar-0');
  assert.deepEqual((first.spec as { containers: { env: unknown[] }[] }).containers[0]!.env, [{ name: 'JOB_COMPLETION_INDEX', value: '0' }]);
  assert.deepEqual(first.metadata.finalizers, [JOB_TRACKING_FINALIZER]);
  assert.deepEqual(first.metadata.ownerReferences, [{ apiVersion: 'batch/v1', kind: 'Job', name: 'foobar', uid: 'job-uid', controller: true, blockOwnerDeletion: true }]);
  // Repeated completed index: counted once, the missing index 2 is created.
  const repeated = decideJob({
    job: job({ completionMode: 'Indexed', completions: 3, parallelism: 2 }),
    pods: [pod('Succeeded', { index: 0 }), pod('Succeeded', { index: 1 }), pod('Succeeded', { index: 1 })],
    expectationsSatisfied: true,
    now: NOW,
  });
  assert.equal(statusOf(repeated).completedIndexes, '0-1');
  assert.deepEqual(
    of(repeated, 'create')[0]?.pods.map((p) => p.metadata.annotations?.[JOB_COMPLETION_INDEX]),
    ['2'],
  );
  const { job: done } = settle(
    job({ completionMode: 'Indexed', completions: 3, parallelism: 3 }),
    [0, 1, 2].map((index) => pod('Succeeded', { index })),
  );
  assert.equal(done.status?.completedIndexes, '0-2');
  assert.equal(condition(done.status!, 'Complete'), 'CompletionsReached');
});

test('unsatisfied expectations: no creations or deletions, counting still goes on', () => {
  const actions = decideJob({ job: job({ parallelism: 2, completions: 5 }), pods: [pod('Succeeded')], expectationsSatisfied: false, now: NOW });
  assert.equal(of(actions, 'create').length, 0);
  assert.equal(statusOf(actions).uncountedTerminatedPods?.succeeded?.length, 1);
});

test('podReplacementPolicy Failed: no replacement while a deleted pod is still terminating', () => {
  const terminating = pod('Running', { deleting: true });
  const failedOnly = decideJob({ job: job({ completions: 1, podReplacementPolicy: 'Failed' }), pods: [terminating], expectationsSatisfied: true, now: NOW });
  assert.equal(of(failedOnly, 'create').length, 0);
  const either = decideJob({
    job: job({ completions: 1, podReplacementPolicy: 'TerminatingOrFailed' }),
    pods: [pod('Running', { deleting: true })],
    expectationsSatisfied: true,
    now: NOW,
  });
  assert.equal(of(either, 'create')[0]?.pods.length, 1);
});

test('managedBy another controller: the Job is left alone', () => {
  assert.deepEqual(decideJob({ job: job({ completions: 1, managedBy: 'example.com/other' }), pods: [], expectationsSatisfied: true, now: NOW }), []);
  assert.equal(of(decideJob({ job: job({ completions: 1, managedBy: 'kubernetes.io/job-controller' }), pods: [], expectationsSatisfied: true, now: NOW }), 'create').length, 1);
});
