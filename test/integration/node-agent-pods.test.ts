// Pods bound to a simulated node, run by a real agent process through a real API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';

let api: TestApi;
let agent: NodeAgentProcess;

before(async () => {
  api = await startTestApi();
  agent = spawnNodeAgent(api.url, { nodeName: 'sim-a' });
  await eventually(async () => (await api.ok(`{ node(name: "sim-a") { status { conditions { type status } } } }`)).node?.status?.conditions?.length > 0, 30_000, 'node sim-a');
});
after(async () => {
  assert.equal(await agent.stop(), 0, agent.output());
  await api.close();
});

const STATUS = `phase podIP podIPs { ip } hostIP startTime
  conditions { type status reason message lastTransitionTime }
  initContainerStatuses { name ready started restartCount image imageID containerID state { waiting { reason message } running { startedAt } terminated { exitCode reason startedAt finishedAt signal } } lastState { terminated { exitCode reason } } }
  containerStatuses { name ready started restartCount image imageID containerID state { waiting { reason message } running { startedAt } terminated { exitCode reason startedAt finishedAt signal } } lastState { terminated { exitCode reason finishedAt } } }`;
const GET = `query($name: String!) { pod(namespace: "default", name: $name) { metadata { uid deletionTimestamp } status { ${STATUS} } } }`;
const CREATE = `mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`;

interface PodSpecInput {
  restartPolicy?: string;
  initContainers?: object[];
  containers?: object[];
  terminationGracePeriodSeconds?: number;
  activeDeadlineSeconds?: number;
}
async function createPod(name: string, annotations: Record<string, string> = {}, spec: PodSpecInput = {}) {
  await api.ok(CREATE, {
    input: { metadata: { name, annotations }, spec: { nodeName: 'sim-a', containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec } },
  });
}
const getPod = async (name: string) => (await api.ok(GET, { name })).pod;
const cond = (pod: any, type: string) => pod.status.conditions.find((c: { type: string }) => c.type === type);
async function until(name: string, check: (pod: any) => boolean, what: string, ms = 30_000) {
  return eventually(
    async () => {
      const pod = await getPod(name);
      return pod && check(pod) ? pod : undefined;
    },
    ms,
    `${name}: ${what}`,
  );
}

test('a bound pod goes Running and Ready with the conditions and container status Kubernetes reports', async () => {
  await createPod('web');
  const pod = await until('web', (p) => p.status.phase === 'Running' && cond(p, 'Ready')?.status === 'True', 'Running and Ready');
  assert.deepEqual(
    pod.status.conditions.map((c: { type: string; status: string }) => [c.type, c.status]),
    [
      ['PodReadyToStartContainers', 'True'],
      ['Initialized', 'True'],
      ['Ready', 'True'],
      ['ContainersReady', 'True'],
      ['PodScheduled', 'True'],
    ],
  );
  const { node } = await api.ok(`{ node(name: "sim-a") { spec { podCIDR } } }`);
  const prefix = node.spec.podCIDR.replace(/0\/24$/, '');
  assert.ok(pod.status.podIP.startsWith(prefix), `${pod.status.podIP} in ${node.spec.podCIDR}`);
  assert.deepEqual(pod.status.podIPs, [{ ip: pod.status.podIP }]);
  assert.equal(pod.status.hostIP, '127.0.0.1');
  assert.ok(pod.status.startTime);
  const c = pod.status.containerStatuses[0];
  assert.deepEqual([c.name, c.ready, c.started, c.restartCount, c.image], ['app', true, true, 0, 'nginx:1.27']);
  assert.match(c.containerID, /^simulated:\/\/[0-9a-f]{64}$/);
  assert.match(c.imageID, /^nginx@sha256:/);
  assert.ok(c.state.running.startedAt);
  assert.equal(pod.status.initContainerStatuses, null);
});

test('init containers run in order, each to completion, before the app container', async () => {
  await createPod(
    'with-init',
    {},
    {
      initContainers: [
        { name: 'first', image: 'busybox' },
        { name: 'second', image: 'busybox' },
      ],
    },
  );
  const pod = await until('with-init', (p) => p.status.phase === 'Running', 'Running');
  const [first, second] = pod.status.initContainerStatuses;
  assert.deepEqual([first.name, first.state.terminated.reason, first.state.terminated.exitCode, first.ready], ['first', 'Completed', 0, true]);
  assert.deepEqual([second.name, second.state.terminated.reason], ['second', 'Completed']);
  assert.ok(first.state.terminated.finishedAt <= second.state.terminated.startedAt);
  assert.ok(second.state.terminated.finishedAt <= pod.status.containerStatuses[0].state.running.startedAt);
  assert.equal(cond(pod, 'Initialized').status, 'True');
});

test('restartPolicy Never: exit 0 is Succeeded, exit 1 is Failed', async () => {
  await createPod('job-ok', { 'sim.wheelhouse.io/exit-code': '0', 'sim.wheelhouse.io/exit-after-ms': '200' }, { restartPolicy: 'Never' });
  await createPod('job-bad', { 'sim.wheelhouse.io/exit-code': '1', 'sim.wheelhouse.io/exit-after-ms': '200' }, { restartPolicy: 'Never' });
  const ok = await until('job-ok', (p) => p.status.phase === 'Succeeded', 'Succeeded');
  assert.deepEqual([ok.status.containerStatuses[0].state.terminated.reason, ok.status.containerStatuses[0].state.terminated.exitCode], ['Completed', 0]);
  assert.deepEqual([cond(ok, 'Ready').status, cond(ok, 'Ready').reason], ['False', 'PodCompleted']);
  const bad = await until('job-bad', (p) => p.status.phase === 'Failed', 'Failed');
  assert.deepEqual([bad.status.containerStatuses[0].state.terminated.reason, bad.status.containerStatuses[0].state.terminated.exitCode], ['Error', 1]);
});

test('a failing init container under Never fails the pod; the app container never starts', async () => {
  await createPod(
    'init-fails',
    { 'sim.wheelhouse.io/setup.exit-code': '2', 'sim.wheelhouse.io/setup.exit-after-ms': '100' },
    {
      restartPolicy: 'Never',
      initContainers: [{ name: 'setup', image: 'busybox' }],
    },
  );
  const pod = await until('init-fails', (p) => p.status.phase === 'Failed', 'Failed');
  assert.equal(pod.status.initContainerStatuses[0].state.terminated.exitCode, 2);
  assert.equal(pod.status.containerStatuses[0].state.waiting.reason, 'PodInitializing');
  assert.deepEqual([cond(pod, 'Initialized').status, cond(pod, 'Initialized').message], ['False', 'containers with incomplete status: [setup]']);
});

test('a crashing container under Always reaches CrashLoopBackOff with its last exit and a growing restartCount', async () => {
  await createPod('crasher', { 'sim.wheelhouse.io/exit-code': '3', 'sim.wheelhouse.io/exit-after-ms': '100' });
  const pod = await until('crasher', (p) => p.status.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff', 'CrashLoopBackOff');
  const c = pod.status.containerStatuses[0];
  assert.ok(c.restartCount >= 1, `restartCount ${c.restartCount}`);
  assert.match(c.state.waiting.message, /^back-off \d+s restarting failed container=app pod=crasher_default\(.+\)$/);
  assert.deepEqual([c.lastState.terminated.exitCode, c.lastState.terminated.reason], [3, 'Error']);
  assert.equal(pod.status.phase, 'Running');
  assert.equal(cond(pod, 'Ready').status, 'False');
  await until('crasher', (p) => p.status.containerStatuses[0].restartCount > c.restartCount, 'another restart after the back-off');
});

test('graceful delete stops the containers and confirms the deletion; the pod is gone', async () => {
  await createPod('doomed');
  await until('doomed', (p) => p.status.phase === 'Running', 'Running');
  const deleted = await api.ok(`mutation { deletePod(namespace: "default", name: "doomed", gracePeriodSeconds: 30) { metadata { deletionTimestamp } } }`);
  assert.ok(deleted.deletePod.metadata.deletionTimestamp, 'a bound running pod terminates gracefully');
  await eventually(async () => (await getPod('doomed')) === null, 20_000, 'the agent to confirm the deletion');
});

test('a container ignoring SIGTERM is killed at the grace deadline', async () => {
  await createPod('stubborn', { 'sim.wheelhouse.io/ignore-sigterm': 'true' }, { terminationGracePeriodSeconds: 2 });
  await until('stubborn', (p) => p.status.phase === 'Running', 'Running');
  const started = Date.now();
  await api.ok(`mutation { deletePod(namespace: "default", name: "stubborn") { metadata { name } } }`);
  await eventually(async () => (await getPod('stubborn')) === null, 20_000, 'deletion after the grace period');
  assert.ok(Date.now() - started >= 1500, 'it waited for the grace period');
});

test('probes: readiness gates Ready until ready-after-ms; a failing readiness probe keeps it unready but Running', async () => {
  const probe = { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 1, failureThreshold: 1 };
  await createPod('slow-ready', { 'sim.wheelhouse.io/ready-after-ms': '1500' }, { containers: [{ name: 'app', image: 'nginx', readinessProbe: probe }] });
  const early = await until('slow-ready', (p) => p.status.phase === 'Running', 'Running');
  if (cond(early, 'Ready').status === 'False') {
    assert.deepEqual([cond(early, 'Ready').reason, early.status.containerStatuses[0].ready], ['ContainersNotReady', false]);
  }
  const ready = await until('slow-ready', (p) => cond(p, 'Ready').status === 'True', 'Ready after the delay');
  const startedAt = Date.parse(ready.status.containerStatuses[0].state.running.startedAt);
  assert.ok(Date.parse(cond(ready, 'Ready').lastTransitionTime) >= startedAt + 1000, 'Ready came at least ready-after-ms after the start');

  await createPod('never-ready', { 'sim.wheelhouse.io/probe-fail': 'readiness' }, { containers: [{ name: 'app', image: 'nginx', readinessProbe: probe }] });
  await until('never-ready', (p) => p.status.phase === 'Running', 'Running');
  await new Promise((r) => setTimeout(r, 1500));
  const pod = await getPod('never-ready');
  assert.deepEqual([cond(pod, 'Ready').status, cond(pod, 'ContainersReady').message], ['False', 'containers with unready status: [app]']);
  assert.equal(pod.status.containerStatuses[0].started, true);
});

test('a failing liveness probe restarts the container (restartCount grows, lastState kept)', async () => {
  const liveness = { exec: { command: ['true'] }, periodSeconds: 1, failureThreshold: 1 };
  await createPod('unhealthy', { 'sim.wheelhouse.io/probe-fail': 'liveness' }, { containers: [{ name: 'app', image: 'nginx', livenessProbe: liveness }] });
  const pod = await until('unhealthy', (p) => p.status.containerStatuses?.[0]?.restartCount >= 1, 'a liveness restart');
  assert.ok(pod.status.containerStatuses[0].lastState.terminated, 'the killed run is lastState');
  const unhealthy = await eventually(
    async () => {
      const { events } = await api.ok(`{ events(namespace: "default", fieldSelector: "involvedObject.name=unhealthy") { items { reason message source { component } } } }`);
      return events.items.find((e: { reason: string }) => e.reason === 'Unhealthy');
    },
    20_000,
    'an Unhealthy event',
  );
  assert.match(unhealthy.message, /^Liveness probe failed/);
  assert.equal(unhealthy.source.component, 'kubelet');
});

test('a startup probe holds liveness and readiness back: started and ready only once it passed', async () => {
  const startup = { exec: { command: ['true'] }, periodSeconds: 1, failureThreshold: 30 };
  await createPod(
    'starting',
    { 'sim.wheelhouse.io/ready-after-ms': '1500' },
    {
      containers: [{ name: 'app', image: 'nginx', startupProbe: startup, livenessProbe: { exec: { command: ['true'] } } }],
    },
  );
  const running = await until('starting', (p) => p.status.containerStatuses?.[0]?.state?.running, 'running');
  if (!running.status.containerStatuses[0].started) assert.equal(running.status.containerStatuses[0].ready, false, 'not ready before started');
  const started = await until('starting', (p) => p.status.containerStatuses[0].started === true, 'started');
  assert.equal(started.status.containerStatuses[0].restartCount, 0);
  await until('starting', (p) => cond(p, 'Ready').status === 'True', 'Ready');
});

test('force delete: the pod is gone at once, the agent kills it, a new pod of the same name starts fresh', async () => {
  await createPod('forced');
  const first = await until('forced', (p) => p.status.phase === 'Running', 'Running');
  await api.ok(`mutation { deletePod(namespace: "default", name: "forced", gracePeriodSeconds: 0) { metadata { name } } }`);
  assert.equal(await getPod('forced'), null);
  await createPod('forced');
  const second = await until('forced', (p) => p.status.phase === 'Running', 'the new pod Running');
  assert.notEqual(second.metadata.uid, first.metadata.uid);
  assert.equal(second.status.containerStatuses[0].restartCount, 0);
});

test('activeDeadlineSeconds: the agent fails the pod with DeadlineExceeded and stops its containers', async () => {
  await createPod('deadline', {}, { restartPolicy: 'Never', activeDeadlineSeconds: 2 });
  await until('deadline', (p) => p.status.phase === 'Running', 'Running');
  const pod = await eventually(
    async () => {
      const { pod } = await api.ok(
        `{ pod(namespace: "default", name: "deadline") { status { phase reason message startTime containerStatuses { state { terminated { exitCode finishedAt } } } } } }`,
      );
      return pod.status.phase === 'Failed' ? pod : undefined;
    },
    20_000,
    'Failed',
  );
  assert.deepEqual([pod.status.reason, pod.status.message], ['DeadlineExceeded', 'Pod was active on the node longer than the specified deadline']);
  const terminated = pod.status.containerStatuses[0].state.terminated;
  assert.ok(terminated, 'the container was stopped');
  assert.ok(Date.parse(terminated.finishedAt) >= Date.parse(pod.status.startTime) + 2000, 'not before the deadline');
});

test('changing a container image restarts that container with the new image, as the kubelet does', async () => {
  await createPod('set-image');
  const before = await until('set-image', (p) => p.status.phase === 'Running', 'Running');
  await api.ok(`mutation { patchPod(namespace: "default", name: "set-image", patch: { spec: { containers: [{ name: "app", image: "nginx:1.28" }] } }) { metadata { name } } }`);
  const after = await until('set-image', (p) => p.status.containerStatuses[0].image === 'nginx:1.28' && p.status.containerStatuses[0].state.running, 'running the new image');
  const c = after.status.containerStatuses[0];
  assert.equal(c.restartCount, 1);
  assert.notEqual(c.containerID, before.status.containerStatuses[0].containerID);
  assert.ok(c.lastState.terminated, 'the old run is lastState');
  assert.equal(after.metadata.uid, before.metadata.uid);
});
