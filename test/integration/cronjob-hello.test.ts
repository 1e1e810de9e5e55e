// The Kubernetes documentation's hello CronJob (application/job/cronjob.yaml, "Running
// Automated Tasks with a CronJob") applied with `wh apply -f`, on a process node: at the
// next minute a Job runs `date; echo Hello from the Kubernetes cluster` as a real process,
// whose log says so, as the page describes. The controllers run in this process on a
// FakeClock, so the minute comes when the test moves the clock.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { WheelhouseClient } from '@wheelhouse/client';
import { startControllers, type RunningManager } from '@wheelhouse/controller-manager/manager';
import { FakeClock } from '@wheelhouse/controller-runtime/testing/fake-clock';
import { startTestApi, TEST_TOKEN, type TestApi } from '../support/api.js';
import type { ComponentProcess } from '../support/component.js';
import { eventually } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';
import { spawnScheduler } from '../support/scheduler.js';
import { whRunner } from '../support/wh.js';

const HELLO = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
            imagePullPolicy: IfNotPresent
            command:
            - /bin/sh
            - -c
            - date; echo Hello from the Kubernetes cluster
          restartPolicy: OnFailure
`;
const POD_CIDR = `127.${140 + (process.pid % 20)}.${(process.pid >> 5) % 256}.0/24`;

let api: TestApi;
let agent: NodeAgentProcess;
let scheduler: ComponentProcess;
let client: WheelhouseClient;
let manager: RunningManager;
let wh: ReturnType<typeof whRunner>;
const clock = new FakeClock(Date.now());
before(async () => {
  api = await startTestApi();
  agent = spawnNodeAgent(api.url, { nodeName: 'hello-node', runtime: 'process', args: ['--pod-cidr', POD_CIDR] });
  scheduler = spawnScheduler(api.url);
  client = new WheelhouseClient({ server: api.url, token: TEST_TOKEN });
  manager = await startControllers(client, { workers: 2, clock, log: () => {} });
  wh = whRunner(api.url);
});
after(async () => {
  await manager?.stop();
  await wh?.stopAll();
  await agent?.stop();
  if (scheduler && scheduler.exitCode === null) {
    scheduler.kill('SIGTERM');
    await once(scheduler, 'exit');
  }
  client?.close();
  await api?.close();
});

test('the hello CronJob applies, runs at the next minute, and its pod says hello', async () => {
  const applied = await wh.run(['apply', '-f', '-'], { stdin: HELLO });
  assert.equal(applied.code, 0, applied.stderr);
  assert.equal(applied.stdout, 'cronjob.batch/hello created\n');
  const listed = await wh.run(['get', 'cronjob', 'hello']);
  assert.match(listed.stdout.split('\n')[1]!, /^hello\s+\* \* \* \* \*\s+<none>\s+False\s+0\s+<none>\s+\d+s$/);

  const boundary = (Math.floor(Math.max(clock.now(), Date.now()) / 60_000) + 1) * 60_000;
  await clock.advance(boundary + 1000 - clock.now());
  const jobName = `hello-${boundary / 60_000}`;
  await eventually(
    async () => {
      const { job } = await api.ok(`query($n: String!) { job(name: $n) { status { conditions { type status } } } }`, { n: jobName });
      return job?.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'Complete' && c.status === 'True');
    },
    60_000,
    `${jobName} Complete`,
  );
  const { pods } = await api.ok(`query($sel: String!) { pods(labelSelector: $sel) { items { metadata { name } } } }`, { sel: `batch.kubernetes.io/job-name=${jobName}` });
  const logs = await wh.run(['logs', pods.items[0].metadata.name]);
  assert.equal(logs.code, 0, logs.stderr);
  assert.match(logs.stdout, /Hello from the Kubernetes cluster\n$/);
  // LAST SCHEDULE is an age by the real clock, and the fake one is ahead: the status itself is checked.
  const status = await eventually(async () => {
    const { cronJob } = await api.ok(`query { cronJob(name: "hello") { status { active { name } lastScheduleTime lastSuccessfulTime } } }`);
    return cronJob.status.lastSuccessfulTime && cronJob.status.active.length === 0 && cronJob.status;
  });
  assert.equal(Date.parse(status.lastScheduleTime), boundary);
});
