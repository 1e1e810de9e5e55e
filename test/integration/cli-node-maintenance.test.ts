// `wh cordon`, `wh uncordon` and `wh drain` as subprocesses against a real API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { whRunner } from '../support/wh.js';

let api: TestApi;
let wh: ReturnType<typeof whRunner>;
before(async () => {
  api = await startTestApi();
  wh = whRunner(api.url);
});
after(async () => api?.close());

const node = (name: string) =>
  api.ok(`mutation($input: NodeInput!) { createNode(input: $input) { metadata { name } } }`, {
    input: { metadata: { name }, status: { capacity: { cpu: '2', memory: '4Gi', pods: '10' }, conditions: [{ type: 'Ready', status: 'True' }] } },
  });
const pod = (name: string, nodeName: string, owner?: string) =>
  api.ok(`mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name, ownerReferences: owner ? [{ apiVersion: 'apps/v1', kind: owner, name: `${owner.toLowerCase()}-1`, uid: `uid-${owner}`, controller: true }] : [] },
      spec: { nodeName, containers: [{ name: 'app', image: 'nginx:1.27' }] },
    },
  });
const podNames = async (nodeName: string) =>
  (await api.ok(`query($f: String) { pods(fieldSelector: $f) { items { metadata { name } } } }`, { f: `spec.nodeName=${nodeName}` })).pods.items
    .map((p: { metadata: { name: string } }) => p.metadata.name)
    .sort();

test('cordon and uncordon: kubectl messages, SchedulingDisabled in get nodes, dry runs, unknown nodes', async () => {
  await node('n1');
  assert.deepEqual(await wh.run(['cordon', 'n1']), { code: 0, stdout: 'node/n1 cordoned\n', stderr: '' });
  assert.equal((await wh.run(['cordon', 'n1'])).stdout, 'node/n1 already cordoned\n');
  const nodes = await wh.run(['get', 'nodes']);
  assert.match(nodes.stdout, /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\nn1\s+Ready,SchedulingDisabled\s+<none>\s+\d+s\s*\n$/);
  assert.equal((await wh.run(['uncordon', 'n1', '--dry-run'])).stdout, 'node/n1 uncordoned (dry run)\n');
  assert.equal((await api.ok(`query { node(name: "n1") { spec { unschedulable } } }`)).node.spec.unschedulable, true, 'a dry run changes nothing');
  assert.equal((await wh.run(['uncordon', 'n1'])).stdout, 'node/n1 uncordoned\n');
  assert.equal((await wh.run(['uncordon', 'n1'])).stdout, 'node/n1 already uncordoned\n');
  const missing = await wh.run(['cordon', 'nope']);
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr, 'Error from server (NotFound): nodes "nope" not found\n');
  const none = await wh.run(['cordon']);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /^error: resource\(s\) were provided, but no name was specified/);
});

test('drain refuses pods without a controller: the node stays cordoned, nothing is evicted, exit 1', async () => {
  await node('n2');
  await pod('bare', 'n2');
  await pod('web-1', 'n2', 'ReplicaSet');
  const refused = await wh.run(['drain', 'n2']);
  assert.equal(refused.code, 1);
  assert.equal(refused.stdout, 'node/n2 cordoned\n');
  const reason = 'cannot delete Pods that declare no controller (use --force to override): default/bare';
  assert.equal(refused.stderr, `error: unable to drain node "n2" due to error: ${reason}, continuing command...\nThere are pending nodes to be drained:\n n2\n${reason}\n`);
  assert.deepEqual(await podNames('n2'), ['bare', 'web-1']);
});

test('drain --force --ignore-daemonsets evicts, waits until the pods are gone, and leaves DaemonSet pods', async () => {
  await pod('agent', 'n2', 'DaemonSet');
  const drained = await wh.run(['drain', 'n2', '--force', '--ignore-daemonsets', '--grace-period', '0']);
  assert.equal(drained.code, 0, drained.stderr);
  const lines = drained.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'node/n2 already cordoned');
  assert.deepEqual(lines.filter((l) => l.startsWith('evicting')).sort(), ['evicting pod default/bare', 'evicting pod default/web-1']);
  assert.deepEqual(lines.filter((l) => l.endsWith(' evicted')).sort(), ['pod/bare evicted', 'pod/web-1 evicted']);
  assert.equal(lines.at(-1), 'node/n2 drained');
  assert.equal(drained.stderr, 'Warning: ignoring DaemonSet-managed Pods: default/agent; deleting Pods that declare no controller: default/bare\n');
  assert.deepEqual(await podNames('n2'), ['agent']);
});

test('drain --timeout: pods still terminating when it runs out are kubectl timeout errors', async () => {
  await node('n3');
  // Bound, with the default grace period and no node agent to confirm: it stays terminating.
  await pod('slow', 'n3', 'ReplicaSet');
  const timedOut = await wh.run(['drain', 'n3', '--timeout', '2s']);
  assert.equal(timedOut.code, 1);
  assert.equal(timedOut.stdout, 'node/n3 cordoned\nevicting pod default/slow\n');
  assert.match(
    timedOut.stderr,
    /^error: unable to drain node "n3" due to error: error when waiting for pod "slow" in namespace "default" to terminate: global timeout reached: 2s, continuing command\.\.\.\n/,
  );
  const unknown = await wh.run(['drain', 'ghost']);
  assert.equal(unknown.code, 1);
  assert.equal(unknown.stderr, 'Error from server (NotFound): nodes "ghost" not found\n');
});

test('describe node: Non-terminated Pods with their requests and limits, Allocated resources against capacity', async () => {
  await node('n-describe');
  await api.ok(`mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name: 'sized' },
      spec: { nodeName: 'n-describe', containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1' } } }] },
    },
  });
  const { stdout, code } = await wh.run(['describe', 'node', 'n-describe']);
  assert.equal(code, 0);
  assert.match(stdout, /^Non-terminated Pods: {2}\(1 in total\)$/m);
  assert.match(stdout, /^ {2}default\s+sized\s+500m \(25%\)\s+1 \(50%\)\s+1Gi \(25%\)\s+0 \(0%\)\s+\d+s$/m);
  assert.match(stdout, /^ {2}cpu\s+500m \(25%\)\s+1 \(50%\)$/m);
  assert.match(stdout, /^ {2}memory\s+1Gi \(25%\)\s+0 \(0%\)$/m);
});
