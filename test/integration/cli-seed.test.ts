// `wh seed` (what `npm run seed` runs) against a real API: the demo cluster, run twice → the same state.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { FullSelections, listAll, WheelhouseClient } from '@wheelhouse/client';
import { startTestApi, TEST_TOKEN, type TestApi } from '../support/api.js';
import { whRunner } from '../support/wh.js';

const SEED_DIR = fileURLToPath(new URL('../../../apps/cli/seed/', import.meta.url));
const KINDS = [
  ['Namespace', 'namespaces'],
  ['Node', 'nodes'],
  ['Deployment', 'deployments'],
  ['ReplicaSet', 'replicaSets'],
  ['ReplicationController', 'replicationControllers'],
  ['Pod', 'pods'],
] as const;

let api: TestApi;
let client: WheelhouseClient;
let wh: ReturnType<typeof whRunner>;
before(async () => {
  api = await startTestApi();
  client = new WheelhouseClient({ server: api.url, token: TEST_TOKEN });
  // The token is a flag here, not the environment: `npm run seed -- --server URL --token T`.
  wh = whRunner(api.url);
});
after(async () => {
  client?.close();
  await api?.close();
});

/** Every object of the seeded kinds: identity → resourceVersion, labels, annotations, spec. */
async function snapshot(): Promise<Map<string, unknown>> {
  const selections = new FullSelections(client);
  const state = new Map<string, unknown>();
  for (const [kind, plural] of KINDS) {
    const { items } = await listAll<any>(client, { plural, fields: await selections.of(kind) });
    for (const o of items) {
      const { resourceVersion, labels, annotations } = o.metadata;
      state.set(`${kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`, { resourceVersion, labels, annotations, spec: o.spec });
    }
  }
  return state;
}

/** What the seed manifests declare, as `Kind/namespace/name`. */
function declared(): string[] {
  return readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => YAML.parseAllDocuments(readFileSync(`${SEED_DIR}/${f}`, 'utf8')).map((d) => d.toJS()))
    .map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
}

test('seed creates every object of the seed manifests, with progress; a second run is unchanged and leaves the state identical', async () => {
  const flags = ['--server', api.url, '--token', TEST_TOKEN];
  const first = await wh.run(['seed', ...flags], { env: { WHEELHOUSE_SERVER: 'http://127.0.0.1:1/graphql', WHEELHOUSE_TOKEN: 'wrong' } });
  assert.equal(first.code, 0, first.stderr);
  const expected = declared();
  assert.ok(expected.length >= 15, `the seed has a demo's worth of objects (${expected.length})`);
  assert.match(first.stdout, new RegExp(`^Seeding ${api.url.replace(/[.]/g, '\\.')} from `));
  assert.match(first.stdout, /\/00-namespaces\.yaml:\n {2}namespace\/demo created\n/);
  assert.match(first.stdout, /\n {2}deployment\.apps\/frontend created\n/);
  assert.match(first.stdout, /\n {2}replicationcontroller\/cart created\n/);
  assert.match(first.stdout, new RegExp(`\\nSeeded ${expected.length} objects: ${expected.length} created, 0 configured, 0 unchanged\\.\\n$`));
  const before = await snapshot();
  for (const key of expected) assert.ok(before.has(key), `${key} exists`);

  const second = await wh.run(['seed', ...flags]);
  assert.equal(second.code, 0, second.stderr);
  assert.doesNotMatch(second.stdout, / (created|configured)\n/);
  assert.match(second.stdout, new RegExp(`\\nSeeded ${expected.length} objects: 0 created, 0 configured, ${expected.length} unchanged\\.\\n$`));
  assert.deepEqual(await snapshot(), before);
});

test('the demo shows what the cluster has: labels to filter by, pinned workloads, probes, a run-to-completion pod, simulated nodes', async () => {
  const demo = await wh.run(['get', 'deployments', '-A', '-l', 'app=guestbook', '-o', 'name']);
  assert.equal(demo.stdout, 'deployment.apps/api\ndeployment.apps/frontend\ndeployment.apps/store\n');
  const frontend = JSON.parse((await wh.run(['get', 'deploy', 'frontend', '-n', 'demo', '-o', 'json'])).stdout);
  const container = frontend.spec.template.spec.containers[0];
  assert.deepEqual(container.command.slice(0, 2), ['node', '-e']);
  assert.equal(container.env[0].valueFrom.fieldRef.fieldPath, 'status.podIP');
  assert.equal(container.readinessProbe.httpGet.port, 8080);
  assert.equal(frontend.spec.template.spec.nodeSelector['wheelhouse.io/runtime'], 'process');
  const nodes = await wh.run([
    'get',
    'nodes',
    '-l',
    'wheelhouse.io/seed=demo',
    '-o',
    'jsonpath={range .items[*]}{.metadata.name} {.metadata.annotations.wheelhouse\\.io/simulated}{"\\n"}{end}',
  ]);
  assert.equal(nodes.stdout, 'sim-a1 true\nsim-b1 true\nsim-batch1 true\n');
  const pi = await wh.run(['get', 'pod', 'pi', '-n', 'batch', '-o', 'jsonpath={.spec.restartPolicy}']);
  assert.equal(pi.stdout, 'Never');
  const workers = await wh.run(['get', 'deploy', 'workers', '-n', 'batch', '-o', 'jsonpath={.spec.template.spec.tolerations[0].key}']);
  assert.equal(workers.stdout, 'dedicated');
  // `get all`: one table per kind, names prefixed with their kind, as kubectl prints several kinds.
  const all = await wh.run(['get', 'all', '-n', 'shop']);
  assert.equal(all.code, 0, all.stderr);
  const tables = all.stdout
    .trimEnd()
    .split('\n\n')
    .map((t) => t.split('\n'));
  assert.deepEqual(
    tables.map((t) => t[0]!.split(/\s{2,}/)[0]),
    ['NAME', 'NAME', 'NAME'],
  );
  assert.deepEqual(
    tables.map((t) => t.slice(1).map((row) => row.split(/\s+/)[0])),
    [['replicationcontroller/cart'], ['deployment.apps/checkout'], ['replicaset.apps/catalog']],
  );
  const batchNode = await wh.run(['describe', 'node', 'sim-batch1']);
  assert.match(batchNode.stdout, /\nTaints:\s+dedicated=batch:NoSchedule\n/);
});

test('-o yaml and -o json of the whole seeded cluster apply back unchanged', async () => {
  // Objects that were applied: kubectl too reports `configured` for the first apply of an object created otherwise.
  const yaml = await wh.run(['get', 'namespaces,nodes,deployments,replicasets,replicationcontrollers,pods', '-A', '-l', 'wheelhouse.io/seed=demo', '-o', 'yaml']);
  const reapplied = await wh.run(['apply', '-f', '-'], { stdin: yaml.stdout });
  assert.equal(reapplied.code, 0, reapplied.stderr);
  const lines = reapplied.stdout.trimEnd().split('\n');
  assert.equal(lines.length, declared().length);
  assert.deepEqual(
    lines.filter((l) => !l.endsWith(' unchanged')),
    [],
  );
  const json = await wh.run(['get', 'deployments,nodes', '-A', '-l', 'wheelhouse.io/seed=demo', '-o', 'json']);
  const again = await wh.run(['apply', '-f', '-'], { stdin: json.stdout });
  assert.deepEqual(
    again.stdout
      .trimEnd()
      .split('\n')
      .filter((l) => !l.endsWith(' unchanged')),
    [],
  );
});

test('seed --nodes N --pods M adds simulated nodes and Deployments in bulk; a second run changes nothing', async () => {
  const scaled = await wh.run(['seed', '--nodes', '5', '--pods', '23']);
  assert.equal(scaled.code, 0, scaled.stderr);
  assert.match(
    scaled.stdout,
    /\nScale: 5 simulated nodes, 23 pods\n {2}namespace\/scale created\n {2}nodes: 5\/5 \(5 created, 0 configured, 0 unchanged\)\n {2}deployments: 3\/3 \(3 created, 0 configured, 0 unchanged\)\n/,
  );
  const nodes = await api.ok(`query { nodes(labelSelector: "wheelhouse.io/seed=scale") { items { metadata { name annotations } status { allocatable } } } }`);
  assert.equal(nodes.nodes.items.length, 5);
  assert.ok(nodes.nodes.items.every((n: any) => n.metadata.annotations['wheelhouse.io/simulated'] === 'true' && n.status.allocatable.pods === '110'));
  const deployments = await api.ok(`query { deployments(namespace: "scale") { items { spec { replicas } } } }`);
  assert.equal(
    deployments.deployments.items.reduce((sum: number, d: any) => sum + d.spec.replicas, 0),
    23,
  );
  const before = await snapshot();
  const again = await wh.run(['seed', '--nodes', '5', '--pods', '23']);
  assert.match(
    again.stdout,
    /\n {2}namespace\/scale unchanged\n {2}nodes: 5\/5 \(0 created, 0 configured, 5 unchanged\)\n {2}deployments: 3\/3 \(0 created, 0 configured, 3 unchanged\)\n/,
  );
  assert.deepEqual(await snapshot(), before);
  const bad = await wh.run(['seed', '--nodes', 'many']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^error: invalid argument "many" for "--nodes": not an integer/);
});
