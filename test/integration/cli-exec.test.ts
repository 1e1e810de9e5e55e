// `wh exec` end to end: the CLI, the API's exec proxy and a real process-runtime node agent
// (and a simulated one, which refuses). Issue 16.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startTestApi, TEST_TOKEN, type TestApi } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';
import { WH_MAIN, whRunner } from '../support/wh.js';

let api: TestApi;
let agents: NodeAgentProcess[] = [];
let wh: ReturnType<typeof whRunner>;

const CREATE = `mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`;
const phase = async (name: string) => (await api.ok(`query($name: String!) { pod(namespace: "default", name: $name) { status { phase } } }`, { name })).pod?.status?.phase;

before(async () => {
  api = await startTestApi();
  wh = whRunner(api.url);
  agents = [spawnNodeAgent(api.url, { nodeName: 'proc-node', runtime: 'process' }), spawnNodeAgent(api.url, { nodeName: 'sim-node' })];
  for (const node of ['proc-node', 'sim-node']) {
    await eventually(
      async () => (await api.ok(`query($n: String!) { node(name: $n) { status { daemonEndpoints { kubeletEndpoint { Port } } } } }`, { n: node })).node?.status?.daemonEndpoints,
      30_000,
      node,
    );
  }
  const env = [{ name: 'GREETING', value: 'hello from the pod' }];
  await api.ok(CREATE, {
    input: { metadata: { name: 'shell' }, spec: { nodeName: 'proc-node', containers: [{ name: 'main', image: 'busybox', command: ['sleep', '3600'], env }] } },
  });
  await api.ok(CREATE, { input: { metadata: { name: 'sim' }, spec: { nodeName: 'sim-node', containers: [{ name: 'app', image: 'nginx' }] } } });
  await eventually(async () => (await phase('shell')) === 'Running' && (await phase('sim')) === 'Running', 30_000, 'pods Running');
});
after(async () => {
  await wh?.stopAll();
  await Promise.all(agents.map((a) => a.stop()));
  await api?.close();
});

test('stdout, stderr and the exit code come back; the command sees the container environment and working directory', async () => {
  const run = await wh.run(['exec', 'shell', '--', 'sh', '-c', 'echo "$GREETING"; pwd; echo oops >&2; exit 3']);
  assert.equal(run.code, 3);
  const [greeting, cwd] = run.stdout.split('\n');
  assert.equal(greeting, 'hello from the pod');
  assert.match(cwd!, /\/pods\/[0-9a-f-]{36}$/, 'the pod directory, as the container runs in');
  assert.equal(run.stderr, 'oops\ncommand terminated with exit code 3\n');
  const ok = await wh.run(['exec', 'pod/shell', '-c', 'main', '--', 'true']);
  assert.equal(ok.code, 0, ok.stderr);
});

test('-i passes stdin through and closes it at its end', async () => {
  const run = await wh.run(['exec', '-i', 'shell', '--', 'sh', '-c', 'tr a-z A-Z; echo done'], { stdin: 'piped input\n' });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, 'PIPED INPUT\ndone\n');
});

test('-it under a real terminal gives the command a TTY of the terminal size', async () => {
  // util-linux script gives wh itself a pseudo-terminal, as a user's shell would.
  const wh = `${process.execPath} ${WH_MAIN} exec -it shell -- sh -c 'tty; stty size; exit 0'`;
  const child = spawn('script', ['--quiet', '--return', '--command', `stty cols 100 rows 30; ${wh}`, '/dev/null'], {
    env: { ...process.env, WHEELHOUSE_SERVER: api.url, WHEELHOUSE_TOKEN: TEST_TOKEN, NO_COLOR: '1' },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, output);
  assert.match(output, /\/dev\/pts\/\d+/);
  assert.match(output, /30 100/);
});

test('refusals: a simulated pod, a missing pod, an unknown container, a command that cannot start, a bad token', async () => {
  const sim = await wh.run(['exec', 'sim', '--', 'ls']);
  assert.equal(sim.code, 1);
  assert.match(sim.stderr, /exec is not supported for pod sim: its node runs the simulated runtime/);
  const missing = await wh.run(['exec', 'nope', '--', 'ls']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /NotFound.*nope/);
  const container = await wh.run(['exec', 'shell', '-c', 'other', '--', 'ls']);
  assert.match(container.stderr, /container other is not valid for pod shell/);
  const absent = await wh.run(['exec', 'shell', '--', 'no-such-binary']);
  assert.equal(absent.code, 127);
  const denied = await wh.run(['exec', 'shell', '--', 'true'], { env: { WHEELHOUSE_TOKEN: 'wrong' } });
  assert.equal(denied.code, 1);
  assert.match(denied.stderr, /Unauthorized|UNAUTHENTICATED|not authenticated/i);
});
