// `wh logs` and `wh top` as subprocesses against a real API and a real (simulated-runtime) node agent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';
import { whRunner } from '../support/wh.js';

let api: TestApi;
let agent: NodeAgentProcess;
let wh: ReturnType<typeof whRunner>;

const CREATE = `mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`;
const phase = async (name: string) => (await api.ok(`query($name: String!) { pod(namespace: "default", name: $name) { status { phase } } }`, { name })).pod?.status?.phase;

before(async () => {
  api = await startTestApi();
  wh = whRunner(api.url);
  agent = spawnNodeAgent(api.url, { nodeName: 'cli-node' });
  await eventually(
    async () => (await api.ok(`{ node(name: "cli-node") { status { daemonEndpoints { kubeletEndpoint { Port } } } } }`)).node?.status?.daemonEndpoints,
    30_000,
    'node',
  );
  const usage = { 'sim.wheelhouse.io/memory': '48Mi', 'sim.wheelhouse.io/cpu': '30m' };
  await api.ok(CREATE, {
    input: {
      metadata: { name: 'duo', annotations: usage },
      spec: {
        nodeName: 'cli-node',
        containers: [
          { name: 'app', image: 'nginx' },
          { name: 'sidecar', image: 'envoy' },
        ],
      },
    },
  });
  await api.ok(CREATE, {
    input: {
      metadata: { name: 'solo', labels: { app: 'solo' }, annotations: { 'sim.wheelhouse.io/memory': '20Mi', 'sim.wheelhouse.io/cpu': '5m' } },
      spec: { nodeName: 'cli-node', containers: [{ name: 'app', image: 'nginx' }] },
    },
  });
  await api.ok(CREATE, { input: { metadata: { name: 'unbound' }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } });
  await eventually(async () => (await phase('duo')) === 'Running' && (await phase('solo')) === 'Running', 30_000, 'pods Running');
});
after(async () => {
  await wh?.stopAll();
  await agent?.stop();
  await api?.close();
});

test('logs: the only container by default, -c for one of several, --tail and --timestamps', async () => {
  const solo = await wh.run(['logs', 'solo']);
  assert.equal(solo.code, 0, solo.stderr);
  assert.match(solo.stdout, /^simulated container app \(nginx\) started, run 0\n/);
  const sidecar = await wh.run(['logs', 'pod/duo', '-c', 'sidecar']);
  assert.match(sidecar.stdout, /^simulated container sidecar \(envoy\) started, run 0\n/);
  const tail = await wh.run(['logs', 'duo', '-c', 'app', '--tail', '1', '--timestamps']);
  assert.equal(tail.stdout.trimEnd().split('\n').length, 1);
  assert.match(tail.stdout, /^\d{4}-\d\d-\d\dT\S+Z /);
  const previous = await wh.run(['logs', 'solo', '-p']);
  assert.deepEqual([previous.code, previous.stdout], [0, '']);
});

test("logs errors read as kubectl's: no container chosen, a wrong one, no node yet, no such pod", async () => {
  const choose = await wh.run(['logs', 'duo']);
  assert.equal(choose.code, 1);
  assert.equal(choose.stderr, 'error: a container name must be specified for pod duo, choose one of: [app sidecar]\n');
  const wrong = await wh.run(['logs', 'duo', '-c', 'db']);
  assert.equal(wrong.code, 1);
  assert.equal(wrong.stderr, 'Error from server (BadRequest): container db is not valid for pod duo\n');
  const unbound = await wh.run(['logs', 'unbound']);
  assert.equal(unbound.stderr, 'Error from server (BadRequest): pod unbound does not have a host assigned\n');
  const missing = await wh.run(['logs', 'ghost']);
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr, 'Error from server (NotFound): pods "ghost" not found\n');
});

test("logs of a workload are its first pod's; a workload without pods says so", async () => {
  const rs = (name: string, app: string) =>
    `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: ${name}}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: ${app}}}\n  template:\n    metadata: {labels: {app: ${app}}}\n    spec: {containers: [{name: app, image: nginx}]}\n`;
  // No controller-manager runs here: the ReplicaSets only select pods, they create none.
  assert.equal((await wh.run(['apply', '-f', '-'], { stdin: `${rs('solo-rs', 'solo')}---\n${rs('empty-rs', 'nobody')}` })).code, 0);
  const logs = await wh.run(['logs', 'rs/solo-rs']);
  assert.equal(logs.code, 0, logs.stderr);
  assert.match(logs.stdout, /^simulated container app \(nginx\) started, run 0\n/);
  assert.equal(logs.stderr, '');
  const none = await wh.run(['logs', 'replicaset/empty-rs']);
  assert.deepEqual([none.code, none.stderr], [1, 'error: no pods found for replicaset.apps/empty-rs\n']);
  const missing = await wh.run(['logs', 'deploy/ghost']);
  assert.equal(missing.stderr, 'Error from server (NotFound): deployments "ghost" not found\n');
  const node = await wh.run(['logs', 'node/cli-node']);
  assert.match(node.stderr, /^error: cannot get the logs of node\/cli-node: only pods and their controllers have logs/);
});

test('logs -l SELECTOR: every matching pod, the last 10 lines by default, --prefix names pod and container', async () => {
  // A simulated container writes a line every 5 s: wait until there are two to tail.
  await eventually(async () => (await wh.run(['logs', 'solo'])).stdout.trimEnd().split('\n').length >= 2 || undefined, 30_000, 'two log lines');
  const prefixed = await wh.run(['logs', '-l', 'app=solo', '--prefix', '--tail', '2']);
  assert.equal(prefixed.code, 0, prefixed.stderr);
  const lines = prefixed.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 2);
  assert.ok(
    lines.every((l) => l.startsWith('[pod/solo/app] ')),
    prefixed.stdout,
  );
  // Read the whole log first: the later selector read sees at least as many lines.
  const everything = (await wh.run(['logs', 'solo'])).stdout.trimEnd().split('\n').length;
  const byDefault = (await wh.run(['logs', '-l', 'app=solo'])).stdout.trimEnd().split('\n').length;
  assert.equal(byDefault, Math.min(10, Math.max(byDefault, everything)));
  const none = await wh.run(['logs', '-l', 'app=nothing']);
  assert.deepEqual([none.code, none.stdout, none.stderr], [0, '', 'No resources found in default namespace.\n']);
  const tooMany = await wh.run(['logs', '-l', 'app=solo', '-f', '--max-log-requests', '0']);
  assert.equal(tooMany.code, 1);
  assert.equal(tooMany.stderr, 'error: you are attempting to follow 1 log streams, but maximum allowed concurrency is 0, use --max-log-requests to increase the limit\n');
  const both = await wh.run(['logs', 'solo', '-l', 'app=solo']);
  assert.match(both.stderr, /^error: only one of a selector or a pod name may be given/);
  const follow = wh.stream(['logs', '-l', 'app=solo', '-f', '--prefix', '--tail', '0']);
  await follow.waitFor(/^\[pod\/solo\/app\] app: working, tick \d+\n/);
  assert.equal(await follow.stop(), 0);
});

test('logs -f streams lines as the container writes them until Ctrl-C', async () => {
  const follow = wh.stream(['logs', 'solo', '-f', '--tail', '1']);
  // The simulated container ticks: a second line proves the stream is live, not a one-off read.
  await follow.waitFor(/^.*\n(app: working, tick \d+\n)/);
  assert.equal(await follow.stop(), 0);
});

test('top pod and top node: kubectl columns and usage from the agent', async () => {
  const pods = await wh.run(['top', 'pod']);
  assert.equal(pods.code, 0, pods.stderr);
  assert.equal(pods.stdout, 'NAME   CPU(cores)   MEMORY(bytes)\nduo    60m          96Mi\nsolo   5m           20Mi\n');
  const sorted = await wh.run(['top', 'pods', '-A', '--sort-by', 'memory', '-l', 'app=solo']);
  assert.deepEqual(
    sorted.stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split(/\s+/)),
    [
      ['NAMESPACE', 'NAME', 'CPU(cores)', 'MEMORY(bytes)'],
      ['default', 'solo', '5m', '20Mi'],
    ],
  );
  const nodes = await wh.run(['top', 'node']);
  assert.equal(nodes.code, 0, nodes.stderr);
  const [header, row] = nodes.stdout.trimEnd().split('\n');
  assert.deepEqual(header!.split(/\s+/), ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
  const [name, cpu, cpuPct, memory, memoryPct] = row!.split(/\s+/);
  assert.deepEqual([name, cpu, memory], ['cli-node', '65m', '116Mi']);
  assert.match(cpuPct!, /^\d+%$/);
  assert.match(memoryPct!, /^\d+%$/);
  const empty = await wh.run(['top', 'pod', '-n', 'elsewhere']);
  assert.deepEqual([empty.code, empty.stdout, empty.stderr], [0, '', 'No resources found in elsewhere namespace.\n']);
  const bad = await wh.run(['top', 'deployments']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^error: unknown command "deployments" for "wh top"/);
});
