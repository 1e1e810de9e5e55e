// The Job controller on a whole simulated cluster (API, controller-manager, scheduler, a
// simulated node agent): simulated containers exit through their sim.wheelhouse.io knobs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulatedCluster, type SimulatedCluster } from '../support/simulated-cluster.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';

let cluster: SimulatedCluster;
before(async () => {
  cluster = await startSimulatedCluster({ nodes: 2, nodePrefix: 'job-' });
});
after(async () => cluster?.close());

interface JobView {
  spec: { completions?: number };
  status: {
    active?: number;
    succeeded?: number;
    failed?: number;
    completedIndexes?: string;
    completionTime?: string;
    uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] };
    conditions?: { type: string; status: string; reason?: string }[];
  };
}
interface PodView {
  metadata: { name: string; finalizers?: string[]; annotations?: Record<string, string>; labels?: Record<string, string> };
  spec: { hostname?: string; containers: { env?: { name: string; value: string }[] }[] };
  status: { phase?: string };
}

const createJob = (name: string, spec: Record<string, unknown>, exit: { code: number; afterMs: number }) =>
  cluster.api.ok(`mutation($input: JobInput!) { createJob(input: $input) { metadata { uid } } }`, {
    input: {
      metadata: { name },
      spec: {
        ...spec,
        template: {
          metadata: { annotations: { 'sim.wheelhouse.io/exit-code': String(exit.code), 'sim.wheelhouse.io/exit-after-ms': String(exit.afterMs) } },
          spec: { restartPolicy: 'Never', containers: [{ name: 'work', image: 'busybox' }] },
        },
      },
    },
  });
const getJob = async (name: string): Promise<JobView> =>
  (
    await cluster.api.ok(
      `query($name: String!) { job(name: $name) { spec { completions } status { active succeeded failed completedIndexes completionTime uncountedTerminatedPods { succeeded failed } conditions { type status reason } } } }`,
      { name },
    )
  ).job;
const podsOf = async (name: string): Promise<PodView[]> =>
  (
    await cluster.api.ok(
      `query($sel: String!) { pods(labelSelector: $sel) { items { metadata { name finalizers annotations labels } spec { hostname containers { env { name value } } } status { phase } } } }`,
      { sel: `batch.kubernetes.io/job-name=${name}` },
    )
  ).pods.items;
const isTrue = (job: JobView, type: string) => job.status.conditions?.find((c) => c.type === type && c.status === 'True');
const finished = (name: string, type: 'Complete' | 'Failed', timeoutMs = 60_000) =>
  eventually(
    async () => {
      const job = await getJob(name);
      return isTrue(job, type) ? job : undefined;
    },
    timeoutMs,
    `job ${name} ${type}`,
  );
const eventsOf = async (name: string) =>
  (await cluster.api.ok(`query { events(namespace: "default") { items { reason message involvedObject { kind name } } } }`)).events.items.filter(
    (e: { involvedObject: { kind: string; name: string } }) => e.involvedObject.kind === 'Job' && e.involvedObject.name === name,
  );

test('completions 4, parallelism 2: four pods succeed, the Job completes, every finalizer is released', async () => {
  await createJob('four', { completions: 4, parallelism: 2 }, { code: 0, afterMs: 200 });
  const job = await finished('four', 'Complete');
  assert.equal(job.status.succeeded, 4);
  assert.equal(job.status.failed ?? 0, 0);
  assert.ok(job.status.completionTime);
  assert.ok(isTrue(job, 'SuccessCriteriaMet'));
  assert.deepEqual(job.status.uncountedTerminatedPods, { succeeded: [], failed: [] });
  const pods = await podsOf('four');
  assert.equal(pods.length, 4, 'exactly four pods, none extra');
  assert.ok(pods.every((p) => p.status.phase === 'Succeeded' && (p.metadata.finalizers ?? []).length === 0));
  const reasons = (await eventsOf('four')).map((e: { reason: string }) => e.reason);
  assert.equal(reasons.filter((r: string) => r === 'SuccessfulCreate').length, 4);
  assert.ok(reasons.includes('Completed'));
});

test('Indexed: one pod per index with its annotation, label, env and hostname', async () => {
  await createJob('idx', { completions: 3, parallelism: 3, completionMode: 'Indexed' }, { code: 0, afterMs: 100 });
  const job = await finished('idx', 'Complete');
  assert.equal(job.status.completedIndexes, '0-2');
  const pods = await podsOf('idx');
  const byIndex = new Map(pods.map((p) => [p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'], p]));
  assert.deepEqual([...byIndex.keys()].sort(), ['0', '1', '2']);
  for (const [index, p] of byIndex) {
    assert.equal(p.metadata.labels?.['batch.kubernetes.io/job-completion-index'], index);
    assert.equal(p.spec.hostname, `idx-${index}`);
    assert.deepEqual(p.spec.containers[0]!.env, [{ name: 'JOB_COMPLETION_INDEX', value: index }]);
  }
});

test('backoffLimit 0: the first failed pod fails the Job with BackoffLimitExceeded', async () => {
  await createJob('doomed', { completions: 2, backoffLimit: 0 }, { code: 1, afterMs: 100 });
  const job = await finished('doomed', 'Failed');
  assert.equal(isTrue(job, 'Failed')?.reason, 'BackoffLimitExceeded');
  assert.equal(isTrue(job, 'FailureTarget')?.reason, 'BackoffLimitExceeded');
  assert.equal(job.status.failed, 1);
  assert.equal(job.status.succeeded ?? 0, 0);
  assert.ok(
    (await eventsOf('doomed')).some((e: { reason: string; message: string }) => e.reason === 'BackoffLimitExceeded' && e.message === 'Job has reached the specified backoff limit'),
  );
});

test('podFailurePolicy FailJob on exit code 42 fails the Job at once', async () => {
  await createJob(
    'policy',
    { completions: 1, backoffLimit: 6, podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] } },
    { code: 42, afterMs: 100 },
  );
  const job = await finished('policy', 'Failed');
  assert.equal(isTrue(job, 'Failed')?.reason, 'PodFailurePolicy');
  assert.equal((await podsOf('policy')).length, 1, 'no retry');
});

test('activeDeadlineSeconds 1 on a long pod: DeadlineExceeded and the pod is deleted', async () => {
  await createJob('slow', { completions: 1, activeDeadlineSeconds: 1 }, { code: 0, afterMs: 600_000 });
  const job = await finished('slow', 'Failed', 30_000);
  assert.equal(isTrue(job, 'Failed')?.reason, 'DeadlineExceeded');
  await eventually(async () => (await podsOf('slow')).length === 0, 30_000, 'the pod deleted');
});

test('ttlSecondsAfterFinished 1: the finished Job is deleted with its pods', async () => {
  await createJob('short-lived', { completions: 2, parallelism: 2, ttlSecondsAfterFinished: 1 }, { code: 0, afterMs: 100 });
  await eventually(
    async () => {
      const { job } = await cluster.api.ok(`query { job(name: "short-lived") { metadata { name } } }`);
      return job === null && (await podsOf('short-lived')).length === 0;
    },
    30_000,
    'the Job and its pods deleted',
  );
  assert.ok(
    (await eventsOf('short-lived')).some((e: { reason: string }) => e.reason === 'Completed'),
    'it completed before it was deleted',
  );
  // A Job without a TTL stays.
  assert.ok(await getJob('four'), 'the Job without ttlSecondsAfterFinished is kept');
});

test('kill -9 of the controller-manager during a Job: after the restart exactly the completions, each counted once', async () => {
  await createJob('crash', { completions: 12, parallelism: 3 }, { code: 0, afterMs: 300 });
  await eventually(async () => ((await getJob('crash')).status.succeeded ?? 0) >= 3, 60_000, 'some completions');
  cluster.manager.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 500));
  const restarted = spawnControllerManager(cluster.api.url);
  try {
    const job = await finished('crash', 'Complete', 120_000);
    assert.equal(job.status.succeeded, 12, 'no completion counted twice or lost');
    const pods = await podsOf('crash');
    assert.equal(pods.filter((p) => p.status.phase === 'Succeeded').length, 12, 'no extra completions: exactly 12 pods succeeded');
    assert.ok(pods.every((p) => (p.metadata.finalizers ?? []).length === 0));
  } finally {
    // SIGKILL, as controller-manager-crash.test.ts does: a manager started after a kill -9
    // was seen not to exit on SIGTERM within a minute (open question, see the report).
    restarted.kill('SIGKILL');
  }
});
