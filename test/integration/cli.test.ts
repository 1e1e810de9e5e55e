// `wh` as a user runs it: a child process against a real API on a throwaway database.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestApi, TEST_TOKEN, type TestApi } from '../support/api.js';

const MAIN = fileURLToPath(new URL('../../../apps/cli/dist/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'wh-cli-'));
let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => api?.close());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Async, not spawnSync: the API runs in this process and must keep answering. */
function wh(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: { ...process.env, WHEELHOUSE_SERVER: api.url, WHEELHOUSE_TOKEN: TEST_TOKEN, WHEELHOUSE_CONFIG: join(dir, 'config'), ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

const MANIFEST = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: Pod
metadata:
  name: front
  namespace: shop
  labels: {app: front}
spec:
  containers:
    - name: app
      image: nginx:1.27
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: nginx:1.27}]
`;
const file = join(dir, 'shop.yaml');
writeFileSync(file, MANIFEST);

test('config: contexts are created, listed and switched', async () => {
  assert.equal((await wh(['config', 'set-context', 'dev', '--server', 'http://dev/graphql', '--namespace', 'shop'])).stdout, 'Context "dev" created.\n');
  assert.equal((await wh(['config', 'use-context', 'dev'])).stdout, 'Switched to context "dev".\n');
  assert.equal((await wh(['config', 'current-context'])).stdout, 'dev\n');
  const list = await wh(['config', 'get-contexts']);
  assert.match(list.stdout, /^CURRENT\s+NAME\s+SERVER\s+NAMESPACE\n\*\s+dev\s+http:\/\/dev\/graphql\s+shop\n$/);
  const missing = await wh(['config', 'use-context', 'nope']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^error: no context exists with the name: "nope"/);
});

test('apply creates, then reports unchanged; dry runs write nothing', async () => {
  const created = await wh(['apply', '-f', file]);
  assert.equal(created.stderr, '');
  assert.equal(created.stdout, 'namespace/shop created\npod/front created\ndeployment.apps/web created\n');
  const again = await wh(['apply', '-f', file]);
  assert.equal(again.stdout, 'namespace/shop unchanged\npod/front unchanged\ndeployment.apps/web unchanged\n');
  const dry = await wh(['apply', '-f', '-', '--dry-run', '-n', 'shop'], {
    stdin: 'apiVersion: v1\nkind: Pod\nmetadata: {name: ghost}\nspec: {containers: [{name: a, image: b}]}\n',
  });
  assert.equal(dry.stdout, 'pod/ghost created (dry run)\n');
  const exists = await wh(['create', '-f', file]);
  assert.equal(exists.code, 1);
  assert.match(exists.stderr, /Error from server \(AlreadyExists\): namespaces "shop" already exists/);
});

test('get pods: kubectl columns, wide, all namespaces, and the empty message', async () => {
  const { stdout, code } = await wh(['get', 'pods', '-n', 'shop']);
  assert.equal(code, 0);
  const [header, ...rows] = stdout.trimEnd().split('\n');
  assert.deepEqual(header!.split(/\s{2,}/), ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
  assert.equal(rows.length, 1);
  const [name, ready, status, restarts, age] = rows[0]!.split(/\s+/);
  assert.equal(name, 'front');
  assert.equal(ready, '0/1');
  assert.equal(status, 'Pending');
  assert.equal(restarts, '0');
  assert.match(age!, /^\d+s$/);
  // Cells start where their header starts.
  assert.equal(rows[0]!.indexOf('0/1'), header!.indexOf('READY'));
  assert.equal(rows[0]!.indexOf('Pending'), header!.indexOf('STATUS'));

  const wide = await wh(['get', 'po', 'front', '-n', 'shop', '-o', 'wide']);
  // kubectl's pod columns of priority 1 (printers.go), in its order.
  assert.deepEqual(wide.stdout.split('\n')[0]!.split(/\s{2,}/), ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
  const all = await wh(['get', 'pods', '-A']);
  assert.match(all.stdout, /^NAMESPACE\s+NAME\s+READY/);
  assert.match(all.stdout, /\nshop\s+front\s+0\/1\s+Pending/);
  const deploy = await wh(['get', 'deploy', '-n', 'shop']);
  assert.match(deploy.stdout, /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+0\/2\s+0\s+0\s+\d+s\n$/);
  // The current context (set above) names shop; -n overrides it.
  assert.match((await wh(['get', 'pods'])).stdout, /\nfront\s/);
  const empty = await wh(['get', 'pods', '-n', 'default']);
  assert.equal(empty.stdout, '');
  assert.equal(empty.stderr, 'No resources found in default namespace.\n');
  assert.equal((await wh(['get', 'pods', '-n', 'shop', '-l', 'app=front', '-o', 'name'])).stdout, 'pod/front\n');
});

test('-o yaml and -o json print Kubernetes objects that apply unchanged', async () => {
  const yaml = await wh(['get', 'pods,deployments', '-n', 'shop', '-o', 'yaml']);
  assert.match(yaml.stdout, /^apiVersion: v1\nkind: List\nitems:\n/);
  assert.doesNotMatch(yaml.stdout, /: null/);
  const reapplied = await wh(['apply', '-f', '-'], { stdin: yaml.stdout });
  assert.equal(reapplied.stderr, '');
  assert.equal(reapplied.stdout, 'pod/front unchanged\ndeployment.apps/web unchanged\n');
  const json = await wh(['get', 'deployment', 'web', '-n', 'shop', '-o', 'json']);
  const object = JSON.parse(json.stdout);
  assert.equal(object.kind, 'Deployment');
  assert.equal(object.apiVersion, 'apps/v1');
  assert.equal(object.spec.replicas, 2);
  assert.equal((await wh(['apply', '-f', '-'], { stdin: json.stdout })).stdout, 'deployment.apps/web unchanged\n');
});

test("describe shows metadata, spec and the object's Events", async () => {
  await api.ok(`mutation($input: EventInput!) { createEvent(namespace: "shop", input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name: 'front.1' },
      involvedObject: { kind: 'Pod', name: 'front', namespace: 'shop' },
      reason: 'Scheduled',
      message: 'Successfully assigned shop/front to node-1',
      type: 'Normal',
      source: { component: 'default-scheduler' },
    },
  });
  const { stdout, code } = await wh(['describe', 'pod', 'front', '-n', 'shop']);
  assert.equal(code, 0);
  assert.match(stdout, /^Name:\s+front\nNamespace:\s+shop\nLabels:\s+app=front\n/);
  assert.match(stdout, /\n {4}Image:\s+nginx:1\.27\n/);
  assert.match(
    stdout,
    /\nEvents:\n {2}Type\s+Reason\s+Age\s+From\s+Message\n.*\n {2}Normal\s+Scheduled\s+\d+s\s+default-scheduler\s+Successfully assigned shop\/front to node-1\n$/,
  );
});

test('scale, label and annotate', async () => {
  assert.equal((await wh(['scale', 'deployment/web', '--replicas', '3', '-n', 'shop'])).stdout, 'deployment.apps/web scaled\n');
  assert.equal((await wh(['label', 'pod', 'front', 'tier=fe', '-n', 'shop'])).stdout, 'pod/front labeled\n');
  const clash = await wh(['label', 'pod', 'front', 'tier=be', '-n', 'shop']);
  assert.equal(clash.code, 1);
  assert.match(clash.stderr, /'tier' already has a value \(fe\), and --overwrite is false/);
  assert.equal((await wh(['annotate', 'po', 'front', 'note=hi', '-n', 'shop'])).stdout, 'pod/front annotated\n');
  const { pod } = await api.ok(`query { pod(namespace: "shop", name: "front") { metadata { labels annotations } } }`);
  assert.equal(pod.metadata.labels.tier, 'fe');
  assert.equal(pod.metadata.annotations.note, 'hi');
  const { deployment } = await api.ok(`query { deployment(namespace: "shop", name: "web") { spec { replicas } } }`);
  assert.equal(deployment.spec.replicas, 3);
});

test('delete, then the missing object is a kubectl error with exit code 1', async () => {
  const deleted = await wh(['delete', 'pod', 'front', '-n', 'shop', '--grace-period', '0']);
  assert.equal(deleted.stdout, 'pod "front" deleted\n');
  const missing = await wh(['get', 'pod', 'front', '-n', 'shop']);
  assert.equal(missing.code, 1);
  assert.equal(missing.stdout, '');
  assert.equal(missing.stderr, 'Error from server (NotFound): pods "front" not found\n');
  const again = await wh(['delete', 'pod', 'front', '-n', 'shop']);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /^Error from server \(NotFound\): pods "front" not found\n$/);
});

test('usage and auth errors: one line, a hint, exit code 1, no stack trace', async () => {
  const unknown = await wh(['get', 'widgets']);
  assert.equal(unknown.code, 1);
  assert.equal(unknown.stderr, "error: the server doesn't have a resource type \"widgets\"\nRun 'wh api-resources' for the list.\n");
  const badFlag = await wh(['get', 'pods', '--bogus']);
  assert.equal(badFlag.code, 1);
  assert.match(badFlag.stderr, /^error: unknown flag: --bogus\nSee 'wh get --help' for usage\.\n$/);
  const unauthorized = await wh(['get', 'pods'], { env: { WHEELHOUSE_TOKEN: 'wrong' } });
  assert.equal(unauthorized.code, 1);
  assert.match(unauthorized.stderr, /^Error from server \(Unauthorized\): /);
  assert.doesNotMatch(unauthorized.stderr, /\n\s+at /);
});
