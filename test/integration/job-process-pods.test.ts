// A Job whose pods are real processes (process runtime): `sh -c 'exit 0'` completes it,
// `exit 3` fails it once backoffLimit is used up; the index reaches the process's env.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { startTestApi, type TestApi } from '../support/api.js';
import type { ComponentProcess } from '../support/component.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';
import { spawnScheduler } from '../support/scheduler.js';

const NODE = 'job-proc-node';
const POD_CIDR = `127.${120 + (process.pid % 20)}.${(process.pid >> 5) % 256}.0/24`;

let api: TestApi;
let agent: NodeAgentProcess;
let manager: ComponentProcess;
let scheduler: ComponentProcess;
before(async () => {
  api = await startTestApi();
  agent = spawnNodeAgent(api.url, { nodeName: NODE, runtime: 'process', args: ['--pod-cidr', POD_CIDR] });
  manager = spawnControllerManager(api.url);
  scheduler = spawnScheduler(api.url);
});
after(async () => {
  await agent?.stop();
  for (const child of [manager, scheduler]) {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
  await api?.close();
});

const run = (name: string, script: string, spec: Record<string, unknown> = {}) =>
  api.ok(`mutation($input: JobInput!) { createJob(input: $input) { metadata { name } } }`, {
    input: { metadata: { name }, spec: { ...spec, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'sh', image: 'busybox', command: ['sh', '-c', script] }] } } } },
  });
const conditionOf = (name: string, type: string) =>
  eventually(
    async () => {
      const { job } = await api.ok(`query($n: String!) { job(name: $n) { status { succeeded failed conditions { type status reason } } } }`, { n: name });
      return job.status.conditions?.some((c: { type: string; status: string }) => c.type === type && c.status === 'True') ? job.status : undefined;
    },
    60_000,
    `${name} ${type}`,
  );

test("sh -c 'exit 0' twice: the Job completes with 2 succeeded", async () => {
  await run('ok', 'exit 0', { completions: 2 });
  const status = await conditionOf('ok', 'Complete');
  assert.equal(status.succeeded, 2);
});

test("an Indexed pod sees JOB_COMPLETION_INDEX: 'exit $JOB_COMPLETION_INDEX' fails only index 1", async () => {
  await run('by-index', 'exit $JOB_COMPLETION_INDEX', { completions: 2, parallelism: 2, completionMode: 'Indexed', backoffLimit: 0 });
  const status = await conditionOf('by-index', 'Failed');
  assert.equal(status.conditions.find((c: { type: string }) => c.type === 'Failed').reason, 'BackoffLimitExceeded');
  const { pods } = await api.ok(`query { pods(labelSelector: "batch.kubernetes.io/job-name=by-index") { items { metadata { labels } status { phase } } } }`);
  const phases = Object.fromEntries(
    pods.items.map((p: { metadata: { labels: Record<string, string> }; status: { phase: string } }) => [
      p.metadata.labels['batch.kubernetes.io/job-completion-index'],
      p.status.phase,
    ]),
  );
  // Index 0 exits 0 (or is stopped once the Job fails); index 1 exits 1: the variable reached the process.
  assert.equal(phases['1'], 'Failed');
});
