// `wh scale` and `wh rollout` on a whole cluster (controller-manager, scheduler, a simulated
// node agent), so rollouts finish the way they do for a user.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_TOKEN, type TestApi } from '../support/api.js';
import { startSimulatedCluster, type SimulatedCluster } from '../support/simulated-cluster.js';
import { eventually } from '../support/controller-manager.js';

const MAIN = fileURLToPath(new URL('../../../apps/cli/dist/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'wh-cli-rollout-'));
let cluster: SimulatedCluster;
let api: TestApi;
before(async () => {
  cluster = await startSimulatedCluster();
  api = cluster.api;
});
after(async () => cluster?.close());

function wh(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: { ...process.env, WHEELHOUSE_SERVER: api.url, WHEELHOUSE_TOKEN: TEST_TOKEN, WHEELHOUSE_CONFIG: join(dir, 'config') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: nginx:1.27}]
`;

test('rollout status waits until done; scale; get rs columns', async () => {
  assert.equal((await wh(['apply', '-f', '-'], DEPLOYMENT)).stdout, 'deployment.apps/web created\n');
  const status = await wh(['rollout', 'status', 'deployment/web', '--timeout', '60']);
  assert.equal(status.code, 0, status.stderr);
  // Piped output gets one line per stage, the last one saying it is done.
  assert.match(status.stdout, /deployment "web" successfully rolled out\n$/);
  assert.equal((await wh(['scale', 'deploy', 'web', '--replicas', '3'])).stdout, 'deployment.apps/web scaled\n');
  await wh(['rollout', 'status', 'deploy/web', '--timeout', '60']);
  const rs = await wh(['get', 'rs']);
  assert.match(rs.stdout, /^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\nweb-\S+\s+3\s+3\s+3\s+\d+s\n$/);
  const deploy = await wh(['get', 'deploy']);
  assert.match(deploy.stdout, /\nweb\s+3\/3\s+3\s+3\s+\d+s\n$/);
});

test('rollout restart, history, undo, pause and resume', async () => {
  assert.equal((await wh(['rollout', 'restart', 'deployment/web'])).stdout, 'deployment.apps/web restarted\n');
  assert.equal((await wh(['rollout', 'status', 'deployment/web', '--timeout', '60'])).code, 0);
  const history = await eventually(
    async () => {
      const h = await wh(['rollout', 'history', 'deployment/web']);
      return h.stdout.includes('\n2 ') ? h : undefined;
    },
    20_000,
    'two revisions',
  );
  assert.match(history.stdout, /^deployment\.apps\/web\nREVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n$/);
  // One revision's pod template, as kubectl prints it (the restart annotation marks revision 2).
  const second = await wh(['rollout', 'history', 'deployment/web', '--revision', '2']);
  assert.match(second.stdout, /^deployment\.apps\/web with revision #2\nPod Template:\n {2}Labels: +app=web\n/);
  assert.match(second.stdout, /^ {2}Annotations: +kubectl\.kubernetes\.io\/restartedAt: \S+$/m);
  assert.match(second.stdout, /^ {2}Containers:\n {4}\S+:\n {6}Image: +\S+$/m);
  assert.match(second.stdout, /^ {2}Tolerations: +<none>$/m);
  assert.equal((await wh(['rollout', 'history', 'deployment/web', '--revision', '9'])).stderr, 'error: unable to find the specified revision\n');
  assert.equal((await wh(['rollout', 'undo', 'deployment/web', '--to-revision', '1'])).stdout, 'deployment.apps/web rolled back\n');
  assert.equal((await wh(['rollout', 'pause', 'deployment/web'])).stdout, 'deployment.apps/web paused\n');
  assert.equal((await wh(['rollout', 'resume', 'deployment/web'])).stdout, 'deployment.apps/web resumed\n');
  const { deployment } = await api.ok(`query { deployment(namespace: "default", name: "web") { spec { paused } } }`);
  assert.equal(deployment.spec.paused, false);
  const wrong = await wh(['rollout', 'status', 'pod/web']);
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /^error: no rollout for pods/);
});
