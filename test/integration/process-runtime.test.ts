// Pods run as real processes by a real agent (process runtime) through a real API:
// init order, env, readiness/liveness probes, crash loops, graceful and forced
// deletion with preStop and SIGKILL at the deadline, logs, Succeeded/Failed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, startTestApi, type TestApi } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';

const NODE = 'proc-node';
// A pod range of this test's own, so concurrently running tests never share pod IPs.
const POD_CIDR = `127.${100 + (process.pid % 20)}.${(process.pid >> 5) % 256}.0/24`;
const NODE_BIN = process.execPath;

let api: TestApi;
let agent: NodeAgentProcess;
/** Host directory the test's containers write markers to (processes run on the host). */
let marks: string;

before(async () => {
  api = await startTestApi();
  marks = mkdtempSync(join(tmpdir(), 'wh-proc-marks-'));
  agent = spawnNodeAgent(api.url, { nodeName: NODE, runtime: 'process', args: ['--pod-cidr', POD_CIDR] });
  await eventually(
    async () => (await api.ok(`{ node(name: "${NODE}") { status { conditions { type status } } } }`)).node?.status?.conditions?.length > 0,
    30_000,
    'node registered',
  );
});
after(async () => {
  assert.equal(await agent.stop(), 0, agent.output());
  await api.close();
  rmSync(marks, { recursive: true, force: true });
});

const STATUS = `phase podIP conditions { type status reason lastTransitionTime }
  initContainerStatuses { name ready restartCount state { waiting { reason message } running { startedAt } terminated { exitCode reason signal startedAt finishedAt } } }
  containerStatuses { name ready started restartCount state { waiting { reason message } running { startedAt } terminated { exitCode reason signal startedAt finishedAt } } lastState { terminated { exitCode reason signal finishedAt } } }`;
const GET = `query($name: String!) { pod(namespace: "default", name: $name) { metadata { uid } status { ${STATUS} } } }`;
const CREATE = `mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name uid } } }`;
const LOGS = `query($name: String!, $container: String, $tailLines: Int, $previous: Boolean) {
  podLogs(namespace: "default", name: $name, container: $container, tailLines: $tailLines, previous: $previous) }`;

/** A container running `script` with Node (`node -e`), POD_IP and POD_NAME from the downward API. */
function nodeContainer(name: string, script: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    image: 'node:20',
    command: [NODE_BIN, '-e', script],
    env: [
      { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'MARKS', value: marks },
    ],
    ...extra,
  };
}

async function createPod(name: string, spec: Record<string, unknown>) {
  return (await api.ok(CREATE, { input: { metadata: { name }, spec: { nodeName: NODE, ...spec } } })).createPod.metadata.uid as string;
}
const getPod = async (name: string) => (await api.ok(GET, { name })).pod;
const cond = (pod: any, type: string) => pod.status.conditions?.find((c: { type: string }) => c.type === type);
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
const isReady = (p: any) => cond(p, 'Ready')?.status === 'True';

test('an init container runs to completion before two app containers; they share the pod directory and see their env', async () => {
  const append = (who: string) => `require('fs').appendFileSync('volumes/shared/order', '${who} ' + process.env.POD_NAME + ' ' + process.env.POD_IP + '\\n')`;
  await createPod('ordered', {
    volumes: [{ name: 'shared', emptyDir: {} }],
    initContainers: [nodeContainer('setup', `${append('setup')}; setTimeout(() => {}, 300)`)],
    containers: [
      nodeContainer('first', `${append('first')}; setInterval(() => {}, 1000)`),
      nodeContainer('second', `${append('second')}; console.log('args:', process.argv.slice(1).join(' ')); setInterval(() => {}, 1000)`, {
        args: ['$(POD_NAME)', '$$(POD_NAME)', '$(UNKNOWN)'],
      }),
    ],
  });
  const pod = await until('ordered', (p) => p.status.phase === 'Running' && isReady(p), 'Running and Ready');
  const setup = pod.status.initContainerStatuses[0];
  assert.deepEqual([setup.state.terminated.reason, setup.state.terminated.exitCode], ['Completed', 0]);
  for (const c of pod.status.containerStatuses) assert.ok(setup.state.terminated.finishedAt <= c.state.running.startedAt, `${c.name} started after setup finished`);
  // Running means started, not yet through their first line of code: wait for both app containers' lines.
  const orderFile = join(agent.dataDir, 'pods', pod.metadata.uid, 'volumes', 'shared', 'order');
  const order = await eventually(
    async () => {
      const lines = readFileSync(orderFile, 'utf8').trim().split('\n');
      return lines.length >= 3 ? lines : undefined;
    },
    20_000,
    'both app containers to write',
  );
  assert.equal(order[0], `setup ordered ${pod.status.podIP}`);
  assert.deepEqual(order.slice(1).sort(), [`first ordered ${pod.status.podIP}`, `second ordered ${pod.status.podIP}`]);
  assert.ok(pod.status.podIP.startsWith(POD_CIDR.replace(/0\/24$/, '')), `${pod.status.podIP} in ${POD_CIDR}`);
  const logs = await eventually(async () => (await api.ok(LOGS, { name: 'ordered', container: 'second' })).podLogs || undefined, 10_000, 'logs');
  assert.equal(logs, 'args: ordered $(POD_NAME) $(UNKNOWN)\n');
});

test('an HTTP readiness probe makes the pod Ready only once its server answers, on the pod IP', async () => {
  // The server starts listening only once the test drops the `go` file into its emptyDir.
  const server = `const fs = require('fs');
    const wait = setInterval(() => {
      if (!fs.existsSync('volumes/gate/go')) return;
      clearInterval(wait);
      require('http').createServer((q, s) => s.end('hello from ' + process.env.POD_IP)).listen(8080, process.env.POD_IP, () => console.log('listening'));
    }, 100);`;
  const uid = await createPod('ready-later', {
    volumes: [{ name: 'gate', emptyDir: {} }],
    containers: [nodeContainer('web', server, { ports: [{ name: 'http', containerPort: 8080 }], readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 1 } })],
  });
  const running = await until('ready-later', (p) => p.status.phase === 'Running', 'Running');
  await new Promise((r) => setTimeout(r, 2500)); // several probe periods with nothing listening
  const notYet = await getPod('ready-later');
  assert.equal(cond(notYet, 'Ready').status, 'False', 'not Ready while nothing answers');
  assert.equal(notYet.status.containerStatuses[0].ready, false);
  writeFileSync(join(agent.dataDir, 'pods', uid, 'volumes', 'gate', 'go'), '');
  const ready = await until('ready-later', isReady, 'Ready after the server answers');
  assert.equal(ready.status.containerStatuses[0].ready, true);
  const body = await (await fetch(`http://${running.status.podIP}:8080/`)).text();
  assert.equal(body, `hello from ${running.status.podIP}`);
});

test('a failing liveness probe restarts the container; restartCount grows', async () => {
  const sick = `require('http').createServer((q, s) => { s.statusCode = 500; s.end() }).listen(8081, process.env.POD_IP)`;
  await createPod('sick', {
    containers: [nodeContainer('app', sick, { livenessProbe: { httpGet: { path: '/healthz', port: 8081 }, initialDelaySeconds: 1, periodSeconds: 1, failureThreshold: 2 } })],
  });
  const pod = await until('sick', (p) => p.status.containerStatuses?.[0]?.restartCount >= 2, 'two restarts', 60_000);
  const last = pod.status.containerStatuses[0].lastState.terminated;
  assert.equal(last.signal, 15, 'stopped by the agent with SIGTERM');
  assert.equal(last.exitCode, 143);
  // A probe may also have found nothing listening yet (connection refused); the server's 500 is reported too.
  await eventually(
    async () => {
      const { events } = await api.ok(`query { events(namespace: "default", fieldSelector: "involvedObject.name=sick,reason=Unhealthy") { items { message } } }`);
      return events.items.some((e: { message: string }) => e.message === 'Liveness probe failed: HTTP probe failed with statuscode: 500');
    },
    30_000,
    'an Unhealthy event with the status code',
  );
});

test('a crashing container reaches CrashLoopBackOff with growing back-off delays', async () => {
  await createPod('crasher', { containers: [nodeContainer('app', "console.log('crashing'); process.exit(3)")] });
  const delays: number[] = [];
  await eventually(
    async () => {
      const pod = await getPod('crasher');
      const message: string | undefined = pod?.status?.containerStatuses?.[0]?.state?.waiting?.message;
      const match = message && /^back-off (\d+)s restarting failed container=app pod=crasher_default/.exec(message);
      if (match && delays.at(-1) !== Number(match[1])) delays.push(Number(match[1]));
      return delays.length >= 3;
    },
    60_000,
    'three back-off periods',
  );
  assert.ok(
    delays.every((d, i) => i === 0 || d > (delays[i - 1] as number)),
    `back-off grows: ${delays.join(', ')}`,
  );
  const pod = await getPod('crasher');
  const c = pod.status.containerStatuses[0];
  assert.equal(c.state.waiting.reason, 'CrashLoopBackOff');
  assert.deepEqual([c.lastState.terminated.exitCode, c.lastState.terminated.reason], [3, 'Error']);
  assert.equal((await api.ok(LOGS, { name: 'crasher', container: 'app', previous: true })).podLogs, 'crashing\n');
});

test('delete runs preStop, then SIGTERM; a process ignoring SIGTERM is SIGKILLed at the grace deadline', async () => {
  const journal = join(marks, 'stubborn.journal');
  const stubborn = `const fs = require('fs');
    process.on('SIGTERM', () => fs.appendFileSync(process.env.MARKS + '/stubborn.journal', 'sigterm\\n'));
    fs.writeFileSync(process.env.MARKS + '/stubborn.pid', String(process.pid));
    setInterval(() => {}, 1000);`;
  await createPod('stubborn', {
    terminationGracePeriodSeconds: 3,
    containers: [nodeContainer('app', stubborn, { lifecycle: { preStop: { exec: { command: ['sh', '-c', 'echo prestop >> "$MARKS/stubborn.journal"'] } } } })],
  });
  await until('stubborn', (p) => p.status.phase === 'Running', 'Running');
  const pid = Number(await eventually(async () => existsSync(join(marks, 'stubborn.pid')) && readFileSync(join(marks, 'stubborn.pid'), 'utf8'), 10_000, 'pid file'));
  const ws = api.ws();
  // Every change up to the DELETED event, to see the final container state the agent reports.
  const seen: any[] = [];
  const watching = new Promise<void>((resolve, reject) => {
    const stop = ws.subscribe<{ watchPods: { type: string; object: any } }>(
      { query: `subscription { watchPods(namespace: "default") { type object { metadata { name } status { ${STATUS} } } } }` },
      {
        next: ({ data }) => {
          if (data?.watchPods.object.metadata.name !== 'stubborn') return;
          seen.push(data.watchPods);
          if (data.watchPods.type === 'DELETED') {
            stop();
            resolve();
          }
        },
        error: reject,
        complete: () => resolve(),
      },
    );
  });
  const began = Date.now();
  await api.ok(`mutation { deletePod(namespace: "default", name: "stubborn") { metadata { name } } }`);
  await watching;
  const waited = Date.now() - began;
  assert.ok(waited >= 2500, `the grace period was waited out (${waited} ms)`);
  assert.deepEqual(readFileSync(journal, 'utf8').split('\n').filter(Boolean), ['prestop', 'sigterm'], 'preStop ran, then SIGTERM was sent');
  const final = seen.at(-1).object.status.containerStatuses[0].state.terminated;
  assert.deepEqual([final.exitCode, final.signal], [137, 9], 'killed by SIGKILL');
  assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' }, 'the process is gone');
});

test('force delete removes the pod at once and the agent kills its process', async () => {
  const forever = `require('fs').writeFileSync(process.env.MARKS + '/forced.pid', String(process.pid)); process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)`;
  await createPod('forced', { containers: [nodeContainer('app', forever)] });
  await until('forced', (p) => p.status.phase === 'Running', 'Running');
  const pid = Number(await eventually(async () => existsSync(join(marks, 'forced.pid')) && readFileSync(join(marks, 'forced.pid'), 'utf8'), 10_000, 'pid file'));
  await api.ok(`mutation { deletePod(namespace: "default", name: "forced", gracePeriodSeconds: 0) { metadata { name } } }`);
  assert.equal(await getPod('forced'), null, 'gone at once');
  await eventually(
    async () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    },
    20_000,
    'the process to be killed',
  );
});

test('logs are readable with tailLines and followable through the API', async () => {
  await createPod('talker', { containers: [nodeContainer('app', "let i = 0; setInterval(() => console.log('line ' + i++), 200)")] });
  await until('talker', (p) => p.status.phase === 'Running', 'Running');
  const text = await eventually(
    async () => {
      const logs = (await api.ok(LOGS, { name: 'talker', container: 'app' })).podLogs as string;
      return logs.split('\n').length > 4 ? logs : undefined;
    },
    20_000,
    'a few lines',
  );
  assert.match(text, /^line 0\nline 1\nline 2\n/);
  const tail = (await api.ok(LOGS, { name: 'talker', container: 'app', tailLines: 2 })).podLogs as string;
  assert.equal(tail.trim().split('\n').length, 2);
  const stream = collect<{ followPodLogs: string }>(
    api.ws(),
    `subscription { followPodLogs(namespace: "default", name: "talker", container: "app", tailLines: 1) }`,
    {},
    3,
    20_000,
  );
  const lines = (await stream.done).map((e) => e.followPodLogs);
  const numbers = lines.map((l) => Number(/^line (\d+)$/.exec(l)?.[1]));
  assert.ok(
    numbers.every((n, i) => Number.isInteger(n) && (i === 0 || n === (numbers[i - 1] as number) + 1)),
    `consecutive lines: ${lines.join(' | ')}`,
  );
});

test('restartPolicy Never: exit 0 gives Succeeded, exit 1 gives Failed', async () => {
  await createPod('job-ok', { restartPolicy: 'Never', containers: [nodeContainer('app', "console.log('done')")] });
  await createPod('job-bad', { restartPolicy: 'Never', containers: [nodeContainer('app', 'process.exit(1)')] });
  const ok = await until('job-ok', (p) => p.status.phase === 'Succeeded', 'Succeeded');
  assert.deepEqual([ok.status.containerStatuses[0].state.terminated.reason, ok.status.containerStatuses[0].state.terminated.exitCode], ['Completed', 0]);
  const bad = await until('job-bad', (p) => p.status.phase === 'Failed', 'Failed');
  assert.deepEqual([bad.status.containerStatuses[0].state.terminated.reason, bad.status.containerStatuses[0].state.terminated.exitCode], ['Error', 1]);
  assert.equal(bad.status.containerStatuses[0].restartCount, 0);
});
