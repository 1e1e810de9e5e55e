// kubectl's editing verbs against a real API: run, patch (strategic, merge, json, status),
// set image|env|resources, edit (with a scripted $EDITOR) and diff (server-side dry run).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../support/api.js';
import { whRunner } from '../support/wh.js';

let api: TestApi;
let wh: ReturnType<typeof whRunner>;
const dir = mkdtempSync(join(tmpdir(), 'wh-verbs-'));

before(async () => {
  api = await startTestApi();
  wh = whRunner(api.url);
  await ok(['apply', '-f', '-'], DEPLOYMENT);
});
after(async () => {
  await wh?.stopAll();
  await api?.close();
});

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: app, image: nginx:1.26, env: [{name: MODE, value: blue}]}
      - {name: sidecar, image: busybox:1.36}
`;

async function ok(args: string[], stdin?: string, env?: Record<string, string>) {
  const result = await wh.run(args, { ...(stdin === undefined ? {} : { stdin }), ...(env ? { env } : {}) });
  assert.equal(result.code, 0, `wh ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}
const jsonpath = (path: string, resource = 'deploy/web') => ok(['get', resource, '-o', `jsonpath=${path}`]);

test('wh run creates a pod labelled run=NAME with the given image, port, env and args', async () => {
  assert.equal(await ok(['run', 'probe', '--image=busybox:1.36', '--port=8080', '--env=A=1', '--restart=Never', '--', 'sleep', '3600']), 'pod/probe created\n');
  const pod = JSON.parse(await ok(['get', 'pod', 'probe', '-o', 'json']));
  assert.deepEqual(pod.metadata.labels, { run: 'probe' });
  assert.equal(pod.spec.restartPolicy, 'Never');
  assert.deepEqual(pod.spec.containers[0].args, ['sleep', '3600']);
  assert.deepEqual(pod.spec.containers[0].env, [{ name: 'A', value: '1' }]);
  assert.equal(pod.spec.containers[0].ports[0].containerPort, 8080);
  const yaml = await ok(['run', 'dry', '--image=nginx', '--dry-run=client', '-o', 'yaml']);
  assert.match(yaml, /^apiVersion: v1\nkind: Pod\n/);
  assert.equal((await wh.run(['get', 'pod', 'dry'])).code, 1, 'a client dry run creates nothing');
  const missing = await wh.run(['run', 'x']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /--image is required/);
});

test('wh patch: a strategic patch merges a container by name; a JSON merge patch replaces the list; a JSON patch; no change is said', async () => {
  assert.equal(await ok(['patch', 'deploy/web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.27"}]}}}}']), 'deployment.apps/web patched\n');
  assert.equal(await jsonpath('{.spec.template.spec.containers[*].image}'), 'nginx:1.27 busybox:1.36', 'the sidecar is kept');
  assert.equal(await ok(['patch', 'deploy', 'web', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/replicas","value":3}]']), 'deployment.apps/web patched\n');
  assert.equal(await jsonpath('{.spec.replicas}'), '3');
  assert.equal(await ok(['patch', 'deploy/web', '--type=merge', '-p', 'spec: {replicas: 3}']), 'deployment.apps/web patched (no change)\n');
  const bad = await wh.run(['patch', 'deploy/web', '--type', 'json', '-p', '[{"op":"remove","path":"/spec/nope"}]']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /JSON patch cannot be applied/);
  const invalid = await wh.run(['patch', 'deploy/web', '-p', '{"spec":{"replicas":-1}}']);
  assert.equal(invalid.code, 1);
  assert.match(invalid.stderr, /spec\.replicas/);
});

test('wh set image, env and resources edit the pod template; an unknown container is an error', async () => {
  assert.equal(await ok(['set', 'image', 'deploy/web', 'sidecar=busybox:1.37']), 'deployment.apps/web image updated\n');
  assert.equal(await jsonpath('{.spec.template.spec.containers[1].image}'), 'busybox:1.37');
  assert.equal(await ok(['set', 'env', 'deploy/web', '-c', 'app', 'MODE=green', 'EXTRA=1']), 'deployment.apps/web env updated\n');
  assert.equal(await jsonpath('{.spec.template.spec.containers[0].env[*].value}'), 'green 1');
  await ok(['set', 'env', 'deploy/web', '-c', 'app', 'EXTRA-']);
  assert.equal(await jsonpath('{.spec.template.spec.containers[0].env[*].name}'), 'MODE');
  assert.equal(
    await ok(['set', 'resources', 'deploy/web', '-c', 'app', '--limits=cpu=200m,memory=512Mi', '--requests=cpu=100m']),
    'deployment.apps/web resource requirements updated\n',
  );
  assert.equal(await jsonpath('{.spec.template.spec.containers[0].resources.limits.memory}'), '512Mi');
  assert.equal(await jsonpath('{.spec.template.spec.containers[0].resources.requests.cpu}'), '100m');
  const unknown = await wh.run(['set', 'image', 'deploy/web', 'nope=x']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /unable to find container named "nope"/);
});

function editor(name: string, script: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

test('wh edit writes what the editor changed; an untouched file changes nothing; a conflicting write keeps the file', async () => {
  const bump = editor('bump.sh', `sed -i 's/replicas: 3/replicas: 4/' "$1"`);
  assert.equal(await ok(['edit', 'deploy/web'], undefined, { EDITOR: bump }), 'deployment.apps/web edited\n');
  assert.equal(await jsonpath('{.spec.replicas}'), '4');
  assert.equal(await ok(['edit', 'deploy/web'], undefined, { EDITOR: 'true' }), 'Edit cancelled, no changes made.\n');
  // Someone writes while the editor is open: the shown resourceVersion is stale.
  const racing = editor(
    'race.sh',
    `"${process.execPath}" "${join(process.cwd(), 'apps/cli/dist/main.js')}" scale deploy/web --replicas 5 >/dev/null && sed -i 's/replicas: 4/replicas: 6/' "$1"`,
  );
  const conflict = await wh.run(['edit', 'deploy/web'], { env: { EDITOR: racing } });
  assert.equal(conflict.code, 1, conflict.stderr);
  assert.match(conflict.stderr, /Conflict/);
  const kept = /stored to "([^"]+)"/.exec(conflict.stderr)?.[1];
  assert.ok(kept && existsSync(kept), conflict.stderr);
  assert.match(readFileSync(kept, 'utf8'), /replicas: 6/);
  assert.equal(await jsonpath('{.spec.replicas}'), '5', 'the other write stands');
});

test('wh diff: exit 0 without differences, 1 with a unified diff of the dry-run result against the live object, 2 on errors', async () => {
  const calm = DEPLOYMENT.replace('name: web', 'name: calm');
  await ok(['apply', '-f', '-'], calm);
  const same = await wh.run(['diff', '-f', '-'], { stdin: calm });
  assert.equal(same.code, 0, same.stdout + same.stderr);
  assert.equal(same.stdout, '');
  const exported = await ok(['get', 'deploy/calm', '-o', 'yaml']);
  assert.equal((await wh.run(['diff', '-f', '-'], { stdin: exported })).code, 0, 'an unedited export of an untouched object');
  const changed = await wh.run(['diff', '-f', '-'], { stdin: calm.replace('replicas: 1', 'replicas: 7') });
  assert.equal(changed.code, 1, changed.stderr);
  assert.match(changed.stdout, /^diff -u -N \/tmp\/LIVE\/apps\.v1\.Deployment\.default\.calm \/tmp\/MERGED\/apps\.v1\.Deployment\.default\.calm\n/);
  assert.match(changed.stdout, /\n- {2}replicas: 1\n\+ {2}replicas: 7\n/);
  assert.equal(await jsonpath('{.spec.replicas}', 'deploy/calm'), '1', 'diff writes nothing');
  const created = await wh.run(['diff', '-f', '-'], { stdin: DEPLOYMENT.replace('name: web', 'name: fresh') });
  assert.equal(created.code, 1);
  assert.match(created.stdout, /\n\+metadata:\n/);
  assert.equal((await wh.run(['get', 'deploy', 'fresh'])).code, 1, 'the dry run created nothing');
  const broken = await wh.run(['diff', '-f', '-'], { stdin: 'apiVersion: v1\nkind: Nope\nmetadata: {name: x}\n' });
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /Nope/);
});
