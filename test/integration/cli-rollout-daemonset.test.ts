// `wh rollout status|history|undo daemonset/NAME` on a whole simulated cluster (two nodes):
// history from ControllerRevisions, undo restoring a revision's template.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulatedCluster, type SimulatedCluster } from '../support/simulated-cluster.js';
import { eventually } from '../support/controller-manager.js';
import { whRunner } from '../support/wh.js';

let cluster: SimulatedCluster;
let wh: ReturnType<typeof whRunner>['run'];
before(async () => {
  cluster = await startSimulatedCluster({ nodes: 2, nodePrefix: 'dsr-' });
  wh = whRunner(cluster.api.url).run;
});
after(async () => cluster?.close());

const manifest = (image: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: ${image}}]
`;
const images = async () => {
  const { pods } = await cluster.api.ok(`query { pods(labelSelector: "app=agent") { items { metadata { deletionTimestamp } spec { containers { image } } status { phase } } } }`);
  return (pods.items as { metadata: { deletionTimestamp?: string }; spec: { containers: { image: string }[] }; status: { phase: string } }[])
    .filter((p) => !p.metadata.deletionTimestamp && p.status.phase === 'Running')
    .map((p) => p.spec.containers[0]!.image)
    .sort();
};

const podNames = async () => {
  const { pods } = await cluster.api.ok(`query { pods(labelSelector: "app=agent") { items { metadata { name deletionTimestamp } status { phase } } } }`);
  return (pods.items as { metadata: { name: string; deletionTimestamp?: string }; status: { phase: string } }[])
    .filter((p) => !p.metadata.deletionTimestamp && p.status.phase === 'Running')
    .map((p) => p.metadata.name);
};

test('rollout status, history, undo and restart of a DaemonSet', async () => {
  assert.equal((await wh(['apply', '-f', '-'], { stdin: manifest('agent:v1') })).stdout, 'daemonset.apps/agent created\n');
  const first = await wh(['rollout', 'status', 'daemonset/agent', '--timeout', '60']);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /daemon set "agent" successfully rolled out\n$/);
  const get = await wh(['get', 'ds']);
  assert.match(get.stdout, /^NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE\nagent\s+2\s+2\s+2\s+2\s+2\s+<none>\s+\d+s\n$/);

  assert.equal((await wh(['apply', '-f', '-'], { stdin: manifest('agent:v2') })).stdout, 'daemonset.apps/agent configured\n');
  assert.equal((await wh(['rollout', 'status', 'ds/agent', '--timeout', '60'])).code, 0);
  await eventually(async () => (await images()).join() === 'agent:v2,agent:v2', 30_000, 'v2 on both nodes');
  const history = await wh(['rollout', 'history', 'daemonset/agent']);
  assert.match(history.stdout, /^daemonset\.apps\/agent\nREVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n$/);
  const one = await wh(['rollout', 'history', 'daemonset/agent', '--revision', '1']);
  assert.match(one.stdout, /^daemonset\.apps\/agent with revision #1\n/);
  assert.match(one.stdout, /^ {6}Image: +agent:v1$/m);

  assert.equal((await wh(['rollout', 'undo', 'daemonset/agent'])).stdout, 'daemonset.apps/agent rolled back\n');
  assert.equal((await wh(['rollout', 'status', 'daemonset/agent', '--timeout', '60'])).code, 0);
  await eventually(async () => (await images()).join() === 'agent:v1,agent:v1', 30_000, 'v1 again on both nodes');
  // The revision rolled back to is renumbered as the newest, as Kubernetes does.
  const after = await eventually(
    async () => {
      const h = await wh(['rollout', 'history', 'daemonset/agent']);
      return /\n2\s+<none>\n3\s+<none>\n$/.test(h.stdout) ? h : undefined;
    },
    20_000,
    'revisions 2 and 3',
  );
  assert.match(after.stdout, /^daemonset\.apps\/agent\nREVISION\s+CHANGE-CAUSE\n2\s+<none>\n3\s+<none>\n$/);
  assert.equal(
    (await wh(['rollout', 'undo', 'daemonset/agent', '--to-revision', '3'])).stdout,
    'daemonset.apps/agent skipped rollback (current template already matches revision 3)\n',
  );
  const missing = await wh(['rollout', 'undo', 'daemonset/agent', '--to-revision', '9']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /unable to find specified revision 9 in history/);
  const pause = await wh(['rollout', 'pause', 'daemonset/agent']);
  assert.equal(pause.code, 1);
  assert.match(pause.stderr, /pause is not supported for daemonsets/);

  // restart: a restartedAt annotation in the template, so the rolling update replaces every pod.
  const before = await podNames();
  assert.equal((await wh(['rollout', 'restart', 'daemonset/agent'])).stdout, 'daemonset.apps/agent restarted\n');
  assert.equal((await wh(['rollout', 'status', 'daemonset/agent', '--timeout', '60'])).code, 0);
  await eventually(
    async () => {
      const now = await podNames();
      return now.length === 2 && now.every((n) => !before.includes(n));
    },
    30_000,
    'both pods replaced',
  );
  const restarted = await wh(['rollout', 'history', 'daemonset/agent']);
  assert.match(restarted.stdout, /\n2\s+<none>\n3\s+<none>\n4\s+<none>\n$/);
});
