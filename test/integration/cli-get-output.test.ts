// `wh get` output formats beyond tables (jsonpath, custom-columns) and `-w` streaming, against a real API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { whRunner } from '../support/wh.js';

let api: TestApi;
let wh: ReturnType<typeof whRunner>;
before(async () => {
  api = await startTestApi();
  wh = whRunner(api.url);
  const applied = await wh.run(['apply', '-f', '-'], { stdin: MANIFEST });
  assert.equal(applied.code, 0, applied.stderr);
});
after(async () => {
  await wh?.stopAll();
  await api?.close();
});

const pod = (name: string, extra = '') => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: out, labels: {app: ${name}}}
spec:
  containers: [{name: app, image: nginx:1.27}, {name: sidecar, image: busybox:1.36}]
${extra}`;
const MANIFEST = `apiVersion: v1
kind: Namespace
metadata: {name: out}
${pod('alpha', 'status:\n  conditions: [{type: Ready, status: "True"}]')}
${pod('beta')}`;

const setPhase = (name: string, phase: string) =>
  api.ok(`mutation($patch: JSONObject!) { patchPodStatus(namespace: "out", name: "${name}", patch: $patch) { metadata { name } } }`, {
    patch: { status: { phase, conditions: [{ type: 'Ready', status: phase === 'Running' ? 'True' : 'False' }] } },
  });

test('-o jsonpath: fields, [*], range with literals, filters, a single object as the root', async () => {
  await setPhase('alpha', 'Running');
  const names = await wh.run(['get', 'pods', '-n', 'out', '-o', 'jsonpath={.items[*].metadata.name}']);
  assert.equal(names.code, 0);
  assert.equal(names.stdout, 'alpha beta');
  const lines = await wh.run(['get', 'pods', '-n', 'out', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.spec.containers[*].name}{"\\n"}{end}']);
  assert.equal(lines.stdout, 'alpha\tapp sidecar\nbeta\tapp sidecar\n');
  const ready = await wh.run(['get', 'pod', 'alpha', '-n', 'out', '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}']);
  assert.equal(ready.stdout, 'True');
  const first = await wh.run(['get', 'po', 'alpha', '-n', 'out', '-o=jsonpath={.spec.containers[0].image}']);
  assert.equal(first.stdout, 'nginx:1.27');
  const broken = await wh.run(['get', 'pods', '-n', 'out', '-o', 'jsonpath={.items[*']);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /^error: error parsing jsonpath \{\.items\[\*, /);
});

test('-o custom-columns: the given headers, one row per object, <none> for absent values', async () => {
  const { stdout, code } = await wh.run(['get', 'pods', '-n', 'out', '-o', 'custom-columns=NAME:.metadata.name,CONTAINERS:.spec.containers[*].name,NODE:.spec.nodeName']);
  assert.equal(code, 0);
  const [header, ...rows] = stdout.trimEnd().split('\n');
  assert.deepEqual(header!.split(/\s+/), ['NAME', 'CONTAINERS', 'NODE']);
  assert.deepEqual(
    rows.map((r) => r.split(/\s+/)),
    [
      ['alpha', 'app,sidecar', '<none>'],
      ['beta', 'app,sidecar', '<none>'],
    ],
  );
  const bad = await wh.run(['get', 'pods', '-o', 'custom-columns=NAME']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>/);
  const unknown = await wh.run(['get', 'pods', '-o', 'xml']);
  assert.match(unknown.stderr, /unable to match a printer suitable for the output format "xml", allowed formats are: custom-columns,json,jsonpath,name,wide,yaml/);
});

test('-L, --show-labels, --no-headers and --sort-by shape the table as kubectl does', async () => {
  const labelled = await wh.run(['get', 'pods', '-n', 'out', '-L', 'app', '--show-labels']);
  assert.equal(labelled.code, 0, labelled.stderr);
  const [header, ...rows] = labelled.stdout.trimEnd().split('\n');
  assert.deepEqual(header!.split(/\s+/), ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'APP', 'LABELS']);
  assert.deepEqual(
    rows.map((r) => [r.split(/\s+/)[0], ...r.split(/\s+/).slice(-2)]),
    [
      ['alpha', 'alpha', 'app=alpha'],
      ['beta', 'beta', 'app=beta'],
    ],
  );
  const sorted = await wh.run(['get', 'pods', '-n', 'out', '--sort-by', '{.metadata.labels.app}', '--no-headers', '-o', 'custom-columns=N:.metadata.name']);
  assert.equal(sorted.stdout, 'alpha\nbeta\n');
  const reversed = await wh.run(['get', 'namespaces', '--sort-by', '.metadata.name', '-o', 'name']);
  assert.deepEqual(reversed.stdout.trimEnd().split('\n'), [...reversed.stdout.trimEnd().split('\n')].sort());
  const bare = await wh.run(['get', 'pods', '-n', 'out', '--no-headers']);
  assert.match(bare.stdout, /^alpha\s+\d\/2\s/);
});

test('get -w: the table first, then a row per change, aligned under the header; Ctrl-C exits 0', async () => {
  const watch = wh.stream(['get', 'pods', '-n', 'out', '-w']);
  await watch.waitFor(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nalpha\s.*\nbeta\s.*\n$/);
  await api.ok(`mutation($input: PodInput!) { createPod(namespace: "out", input: $input) { metadata { name } } }`, {
    input: { metadata: { name: 'gamma' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
  });
  await watch.waitFor(/\ngamma\s+0\/1\s+Pending\s+0\s+\d+s\n$/);
  await setPhase('gamma', 'Running');
  await watch.waitFor(/\ngamma\s+0\/1\s+Running\s+0\s+\d+s\n$/);
  await api.ok(`mutation { deletePod(namespace: "out", name: "gamma", gracePeriodSeconds: 0) { metadata { name } } }`);
  // A deletion prints the object's last state once more.
  await watch.waitFor(/(\ngamma\s.*){3}\n$/);
  const [header, ...rows] = watch.stdout.trimEnd().split('\n');
  assert.equal(header!.match(/NAME/g)!.length, 1, 'the header is printed once');
  for (const row of rows) assert.equal(row.search(/\d\/\d/), header!.indexOf('READY'), `aligned: ${row}`);
  assert.equal(await watch.stop(), 0);
  assert.equal(watch.stderr, '');
});

test('get NAME --watch-only -o name --output-watch-events: only that object, only changes', async () => {
  const watch = wh.stream(['get', 'pod', 'beta', '-n', 'out', '--watch-only', '-o', 'name', '--output-watch-events']);
  // Nothing shows when the watch is live, so change beta (and alpha, which must not show) until a change gets through.
  for (let i = 0; !watch.stdout.includes('MODIFIED'); i++) {
    assert.ok(i < 120, `no change printed; stderr: ${watch.stderr}`);
    await setPhase('alpha', i % 2 ? 'Failed' : 'Running');
    await setPhase('beta', i % 2 ? 'Running' : 'Pending');
    await new Promise((r) => setTimeout(r, 500));
  }
  await watch.waitFor(/^(MODIFIED pod\/beta\n)+$/);
  assert.equal(await watch.stop(), 0);
});

test('get -w -o json: one Kubernetes object per change', async () => {
  const watch = wh.stream(['get', 'pods', '-n', 'out', '-l', 'app=alpha', '-w', '-o', 'json']);
  await watch.waitFor(/^\{\n[\s\S]*\n\}\n$/);
  await setPhase('alpha', 'Succeeded');
  await watch.waitFor(/"phase": "Succeeded"[\s\S]*\n\}\n$/);
  const objects = watch.stdout
    .split(/(?<=^\})\n/m)
    .filter((s) => s.trim())
    .map((s) => JSON.parse(s));
  assert.equal(objects.length, 2);
  assert.deepEqual(
    objects.map((o) => [o.kind, o.metadata.name]),
    [
      ['Pod', 'alpha'],
      ['Pod', 'alpha'],
    ],
  );
  assert.notEqual(objects[0].status.phase, 'Succeeded', 'the listing comes first');
  assert.equal(objects[1].status.phase, 'Succeeded');
  await watch.stop();
});

test('get -w errors like get: a missing name is NotFound, several kinds are refused', async () => {
  const missing = await wh.run(['get', 'pod', 'nope', '-n', 'out', '-w']);
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr, 'Error from server (NotFound): pods "nope" not found\n');
  const several = await wh.run(['get', 'pods,deployments', '-w']);
  assert.equal(several.code, 1);
  assert.match(several.stderr, /^error: watch is only supported on individual resources and resource collections, but 2 resources were found/);
});
