// The CronJob controller on a real API with a simulated node agent and the scheduler. The
// controller-manager's controllers run in this process on a FakeClock (each test its own),
// so a schedule time comes when the test advances the clock, not after a minute of waiting.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { WheelhouseClient } from '@wheelhouse/client';
import { startControllers, type RunningManager } from '@wheelhouse/controller-manager/manager';
import { FakeClock } from '@wheelhouse/controller-runtime/testing/fake-clock';
import { startTestApi, TEST_TOKEN, type TestApi } from '../support/api.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';
import { spawnScheduler } from '../support/scheduler.js';
import type { ComponentProcess } from '../support/component.js';

let api: TestApi;
let agent: NodeAgentProcess;
let scheduler: ComponentProcess;
const clients: WheelhouseClient[] = [];
let manager: RunningManager | undefined;
let clock: FakeClock;
let log = '';

before(async () => {
  api = await startTestApi();
  agent = spawnNodeAgent(api.url, { runtime: 'simulated', args: ['--nodes', '2', '--node-prefix', 'cj-'] });
  scheduler = spawnScheduler(api.url);
});
after(async () => {
  await manager?.stop();
  await agent?.stop();
  if (scheduler && scheduler.exitCode === null) {
    scheduler.kill('SIGTERM');
    await once(scheduler, 'exit');
  }
  for (const c of clients) c.close();
  await api?.close();
});
afterEach(async () => {
  await manager?.stop();
  manager = undefined;
});

/** A controller-manager whose clock starts now and moves only when the test says. */
async function startManager() {
  clock = new FakeClock(Date.now());
  const client = new WheelhouseClient({ server: api.url, token: TEST_TOKEN });
  clients.push(client);
  manager = await startControllers(client, { workers: 2, clock, log: (m, e) => (log += `${m} ${e ?? ''}\n`) });
}
const minute = (t: number) => Math.floor(t / 60_000);
/** Moves the clock to `seconds` past the first minute boundary after both clocks; returns that boundary. */
async function advanceToNextMinute(seconds = 1): Promise<number> {
  const boundary = (minute(Math.max(clock.now(), Date.now())) + 1) * 60_000;
  await clock.advance(boundary + seconds * 1000 - clock.now());
  return boundary;
}

const createCronJob = (name: string, spec: Record<string, unknown>, exit: { code: number; afterMs: number }) =>
  api.ok(`mutation($input: CronJobInput!) { createCronJob(input: $input) { metadata { uid } } }`, {
    input: {
      metadata: { name },
      spec: {
        schedule: '* * * * *',
        ...spec,
        jobTemplate: {
          spec: {
            backoffLimit: 0,
            template: {
              metadata: { annotations: { 'sim.wheelhouse.io/exit-code': String(exit.code), 'sim.wheelhouse.io/exit-after-ms': String(exit.afterMs) } },
              spec: { restartPolicy: 'Never', containers: [{ name: 'hello', image: 'busybox:1.28' }] },
            },
          },
        },
      },
    },
  });
interface JobView {
  metadata: { name: string; annotations?: Record<string, string>; ownerReferences?: { kind: string; name: string; controller?: boolean; blockOwnerDeletion?: boolean }[] };
  status: { conditions?: { type: string; status: string }[] };
}
const jobsOf = async (cronJob: string): Promise<JobView[]> =>
  (
    await api.ok(
      `query { jobs(namespace: "default") { items { metadata { name annotations ownerReferences { kind name controller blockOwnerDeletion } } status { conditions { type status } } } } }`,
    )
  ).jobs.items
    .filter((j: JobView) => j.metadata.ownerReferences?.some((r) => r.kind === 'CronJob' && r.name === cronJob))
    .sort((a: JobView, b: JobView) => a.metadata.name.localeCompare(b.metadata.name));
const cronJobStatus = async (name: string) =>
  (await api.ok(`query($name: String!) { cronJob(name: $name) { status { active { kind name uid } lastScheduleTime lastSuccessfulTime } } }`, { name })).cronJob.status;
const eventsOf = async (name: string): Promise<{ type: string; reason: string; message: string }[]> =>
  (await api.ok(`query { events(namespace: "default") { items { type reason message involvedObject { kind name } } } }`)).events.items.filter(
    (e: { involvedObject: { kind: string; name: string } }) => e.involvedObject.kind === 'CronJob' && e.involvedObject.name === name,
  );
const hasEvent = (name: string, reason: string) => eventually(async () => (await eventsOf(name)).find((e) => e.reason === reason), 20_000, `${reason} event of ${name}`);
const complete = (job: JobView) => job.status.conditions?.some((c) => c.type === 'Complete' && c.status === 'True');
const deleteCronJob = (name: string) => api.ok(`mutation($name: String!) { deleteCronJob(name: $name) { metadata { name } } }`, { name });

test('a schedule fires: the Job of that minute, owned by the CronJob, runs; the status and events follow', async () => {
  await startManager();
  await createCronJob('every', {}, { code: 0, afterMs: 100 });
  const t1 = await advanceToNextMinute();
  const jobName = `every-${minute(t1)}`;
  const [job] = await eventually(async () => {
    const jobs = await jobsOf('every');
    return jobs.length > 0 && jobs;
  });
  assert.equal(job!.metadata.name, jobName);
  assert.deepEqual(job!.metadata.ownerReferences, [{ kind: 'CronJob', name: 'every', controller: true, blockOwnerDeletion: true }]);
  assert.equal(job!.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp'], new Date(t1).toISOString().replace('.000Z', 'Z'));
  const status = await eventually(async () => {
    const s = await cronJobStatus('every');
    return s.lastSuccessfulTime && s.active.length === 0 && s;
  }, 60_000);
  assert.equal(Date.parse(status.lastScheduleTime), t1);
  await eventually(async () => (await eventsOf('every')).some((e) => e.reason === 'SuccessfulCreate' && e.message === `Created job ${jobName}`), 20_000, 'SuccessfulCreate');
  assert.ok((await hasEvent('every', 'SawCompletedJob')).message.startsWith(`Saw completed job: ${jobName}, condition: Complete`));
  await deleteCronJob('every');
});

test('Forbid: while its Job runs, the next start time is skipped with JobAlreadyActive', async () => {
  await startManager();
  await createCronJob('forbid', { concurrencyPolicy: 'Forbid' }, { code: 0, afterMs: 600_000 });
  const t1 = await advanceToNextMinute();
  await eventually(async () => (await cronJobStatus('forbid')).active?.length === 1);
  await advanceToNextMinute();
  await hasEvent('forbid', 'JobAlreadyActive');
  assert.deepEqual(
    (await jobsOf('forbid')).map((j) => j.metadata.name),
    [`forbid-${minute(t1)}`],
  );
  await deleteCronJob('forbid');
});

test('Replace: the running Job is deleted and the new time’s Job takes its place', async () => {
  await startManager();
  await createCronJob('replace', { concurrencyPolicy: 'Replace' }, { code: 0, afterMs: 600_000 });
  const t1 = await advanceToNextMinute();
  await eventually(async () => (await cronJobStatus('replace')).active?.length === 1);
  const t2 = await advanceToNextMinute();
  const names = await eventually(async () => {
    const jobs = (await jobsOf('replace')).map((j) => j.metadata.name);
    return jobs.length === 1 && jobs[0] === `replace-${minute(t2)}` && jobs;
  });
  assert.deepEqual(names, [`replace-${minute(t2)}`]);
  // The event is written after the delete returns: waited for, not read at once.
  const deleted = await eventually(async () => {
    const messages = (await eventsOf('replace')).filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message);
    return messages.length > 0 && messages;
  });
  assert.deepEqual(deleted, [`Deleted job replace-${minute(t1)}`]);
  const status = await eventually(async () => {
    const s = await cronJobStatus('replace');
    return s.active.length === 1 && s.active[0].name === `replace-${minute(t2)}` && s;
  });
  assert.equal(status.active[0].kind, 'Job');
  await deleteCronJob('replace');
});

test('history: with successfulJobsHistoryLimit 1, only the newest finished Job stays', async () => {
  await startManager();
  await createCronJob('hist', { successfulJobsHistoryLimit: 1 }, { code: 0, afterMs: 50 });
  const made: string[] = [];
  for (let i = 0; i < 3; i++) {
    const t = await advanceToNextMinute();
    made.push(`hist-${minute(t)}`);
    await eventually(async () => (await jobsOf('hist')).find((j) => j.metadata.name === made[i] && complete(j)), 60_000, `${made[i]} complete`);
  }
  const left = await eventually(
    async () => {
      const names = (await jobsOf('hist')).map((j) => j.metadata.name);
      return names.length === 1 && names;
    },
    30_000,
    'history trimmed',
  );
  assert.deepEqual(left, [made[2]]);
  // The events are written after the deletes return: waited for, not read at once.
  const deleted = await eventually(async () => {
    const messages = (await eventsOf('hist')).filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message);
    return messages.length >= 2 && messages;
  });
  assert.deepEqual(deleted.sort(), [`Deleted job ${made[0]}`, `Deleted job ${made[1]}`]);
  // The CronJob owns its Jobs: deleting it lets the garbage collector take them.
  await deleteCronJob('hist');
  await eventually(async () => (await jobsOf('hist')).length === 0, 30_000, 'hist Jobs collected');
});

test('suspend: no Job while suspended; on resume a time past startingDeadlineSeconds is missed, the next one runs', async () => {
  await startManager();
  await createCronJob('susp', { suspend: true, startingDeadlineSeconds: 20 }, { code: 0, afterMs: 50 });
  await advanceToNextMinute();
  await advanceToNextMinute(30);
  await api.ok(`mutation { patchCronJob(name: "susp", patch: { spec: { suspend: false } }) { metadata { name } } }`);
  const missed = await hasEvent('susp', 'MissSchedule');
  assert.equal(missed.type, 'Warning');
  const t3 = await advanceToNextMinute();
  const names = await eventually(async () => {
    const jobs = (await jobsOf('susp')).map((j) => j.metadata.name);
    return jobs.length > 0 && jobs;
  });
  assert.deepEqual(names, [`susp-${minute(t3)}`]);
  await deleteCronJob('susp');
});

test('three hours without a sync: TooManyMissedTimes, and only the latest start time runs', async () => {
  await startManager();
  // Suspended while the clock moves three hours, so no timer fires on the way; resumed, it syncs once at the end.
  await createCronJob('late', { suspend: true }, { code: 0, afterMs: 50 });
  const target = (minute(Math.max(clock.now(), Date.now())) + 180) * 60_000 + 30_000;
  await clock.advance(target - clock.now());
  await api.ok(`mutation { patchCronJob(name: "late", patch: { spec: { suspend: false } }) { metadata { name } } }`);
  const warning = await hasEvent('late', 'TooManyMissedTimes');
  assert.equal(warning.type, 'Warning');
  const names = await eventually(async () => {
    const jobs = (await jobsOf('late')).map((j) => j.metadata.name);
    return jobs.length > 0 && jobs;
  });
  assert.deepEqual(names, [`late-${minute(target)}`]);
  await deleteCronJob('late');
});

test('the controller-manager process on the real clock: an @every 2s CronJob makes its Job within seconds', async () => {
  const process = spawnControllerManager(api.url);
  try {
    await createCronJob('real', { schedule: '@every 2s' }, { code: 0, afterMs: 50 });
    const [job] = await eventually(
      async () => {
        const jobs = await jobsOf('real');
        return jobs.length > 0 && jobs;
      },
      30_000,
      'a Job of the real CronJob',
    );
    assert.match(job!.metadata.name, /^real-\d+$/);
    const scheduled = job!.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp'];
    assert.equal(job!.metadata.name, `real-${minute(Date.parse(scheduled ?? ''))}`);
    await eventually(async () => (await cronJobStatus('real')).lastScheduleTime);
    await deleteCronJob('real');
  } finally {
    process.kill('SIGTERM');
    await once(process, 'exit');
  }
});
