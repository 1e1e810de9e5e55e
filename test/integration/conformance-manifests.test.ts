import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KINDS } from '@wheelhouse/resources';
import YAML from 'yaml';
import { eventually } from '../support/controller-manager.js';
import { startSimulatedCluster, type SimulatedCluster } from '../support/simulated-cluster.js';

// Upstream manifests (copies of shared/conformance/manifests: kubernetes/examples,
// Apache-2.0, see SOURCES.md there) applied to a whole cluster: API, controller-manager,
// scheduler and a simulated node agent. Each must apply, create exactly the objects
// listed in FIXTURES below, and its workloads must come up (every replica Ready).
//
// MISSING_KINDS names the kinds these fixtures use that the API does not serve yet. A
// fixture using one of them runs as a node:test `todo` whose title names the missing
// kinds: the runner reports it as TODO (with why it fails), not as a pass. The test
// "MISSING_KINDS is exact" fails as soon as a listed kind is served or a todo fixture
// applies. How to shrink the list when a kind lands:
//   1. delete the kind from MISSING_KINDS;
//   2. run `node scripts/run-tests.mjs conformance-manifests`: the fixtures needing no
//      other missing kind are now strict tests and must pass (objects and workloads);
//   3. when the list is empty, delete it and the todo branch below.
// Any fixture that does not apply and is not explained by MISSING_KINDS fails.
const MISSING_KINDS = ['StatefulSet'];

interface ObjectRef {
  kind: string;
  name: string;
  /** Omitted for cluster-scoped kinds; namespaced objects without one land in `default`. */
  namespace?: string;
}
interface Fixture {
  /** Every object the manifest creates, in document order. */
  objects: ObjectRef[];
  /** Workloads whose replicas must all become Ready. */
  workloads?: { kind: string; name: string; replicas: number }[];
}

const inDefault = (kind: string, name: string): ObjectRef => ({ kind, name, namespace: 'default' });

const FIXTURES: Record<string, Fixture> = {
  'kubernetes-examples_cassandra-service.yaml': { objects: [inDefault('Service', 'cassandra')] },
  'kubernetes-examples_cassandra-statefulset.yaml': {
    objects: [inDefault('StatefulSet', 'cassandra'), { kind: 'StorageClass', name: 'fast' }],
    workloads: [{ kind: 'StatefulSet', name: 'cassandra', replicas: 3 }],
  },
  'kubernetes-examples_glusterfs-endpoints.yaml': { objects: [inDefault('Endpoints', 'glusterfs-cluster')] },
  'kubernetes-examples_glusterfs-secret.yaml': { objects: [inDefault('Secret', 'heketi-secret')] },
  'kubernetes-examples_guestbook-all-in-one.yaml': {
    objects: [
      inDefault('Service', 'redis-master'),
      inDefault('Deployment', 'redis-master'),
      inDefault('Service', 'redis-replica'),
      inDefault('Deployment', 'redis-replica'),
      inDefault('Service', 'frontend'),
      inDefault('Deployment', 'frontend'),
    ],
    workloads: [
      { kind: 'Deployment', name: 'redis-master', replicas: 1 },
      { kind: 'Deployment', name: 'redis-replica', replicas: 2 },
      { kind: 'Deployment', name: 'frontend', replicas: 3 },
    ],
  },
  'kubernetes-examples_guestbook-controller.yaml': {
    objects: [inDefault('ReplicationController', 'guestbook')],
    workloads: [{ kind: 'ReplicationController', name: 'guestbook', replicas: 3 }],
  },
  'kubernetes-examples_horizontal-pod-autoscaler.yaml': { objects: [inDefault('HorizontalPodAutoscaler', 'gemma-server-hpa')] },
  'kubernetes-examples_ingress.yaml': { objects: [inDefault('Ingress', 'tf-serving-ingress')] },
  'kubernetes-examples_namespace-dev.yaml': { objects: [{ kind: 'Namespace', name: 'development' }] },
  'kubernetes-website_zookeeper-pod-disruption-budget-minavailable.yaml': { objects: [inDefault('PodDisruptionBudget', 'zk-pdb')] },
  'kubernetes-website_daemonset.yaml': {
    objects: [{ kind: 'DaemonSet', name: 'fluentd-elasticsearch', namespace: 'kube-system' }],
    // One node in the simulated cluster: one daemon pod.
    workloads: [{ kind: 'DaemonSet', name: 'fluentd-elasticsearch', replicas: 1 }],
  },
};

/** The status field counting a workload's Ready pods. */
const READY_FIELD: Record<string, string> = { DaemonSet: 'numberReady' };

const dir = fileURLToPath(new URL('../../fixtures/conformance-manifests/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const manifest = (file: string) => readFileSync(dir + file, 'utf8');
const served = new Map(KINDS.map((k) => [k.kind, k]));
const missingIn = (file: string) => [...new Set(FIXTURES[file]!.objects.map((o) => o.kind))].filter((k) => MISSING_KINDS.includes(k));

const APPLY = `mutation($m: String!, $dryRun: Boolean) { apply(manifest: $m, dryRun: $dryRun) { objects { kind namespace name action } } }`;

let cluster: SimulatedCluster;
before(async () => {
  cluster = await startSimulatedCluster();
});
after(async () => cluster?.close());

test('every fixture file has its expectations, and they name its documents', () => {
  assert.deepEqual(Object.keys(FIXTURES).sort(), [...files].sort());
  for (const file of files) {
    const documents = YAML.parseAllDocuments(manifest(file)).map((d) => d.toJS() as { kind: string; metadata: { name: string } });
    assert.deepEqual(
      documents.map((d) => `${d.kind}/${d.metadata.name}`),
      FIXTURES[file]!.objects.map((o) => `${o.kind}/${o.name}`),
      file,
    );
  }
});

test('MISSING_KINDS is exact: each listed kind is used, not served, and refuses its fixtures', async () => {
  for (const kind of MISSING_KINDS) {
    assert.ok(!served.has(kind), `${kind} is served now: remove it from MISSING_KINDS (see the top of this file)`);
    assert.ok(
      files.some((f) => missingIn(f).includes(kind)),
      `no fixture uses ${kind}: remove it from MISSING_KINDS`,
    );
  }
  for (const file of files.filter((f) => missingIn(f).length > 0)) {
    const result = await cluster.api.gql(APPLY, { m: manifest(file), dryRun: true });
    assert.ok(result.errors, `${file} applies now: shrink MISSING_KINDS (${missingIn(file).join(', ')})`);
    const refused = /no kind "([^"]+)" is registered/.exec(result.errors[0]!.message)?.[1];
    assert.ok(refused && missingIn(file).includes(refused), `${file} was refused for another reason: ${result.errors[0]!.message}`);
  }
});

/** Applies `file` and checks the objects it created and its workloads. */
async function applyAndCheck(file: string) {
  const { api } = cluster;
  const expected = FIXTURES[file]!;
  const { apply } = await api.ok<{ apply: { objects: ObjectRef[] } }>(APPLY, { m: manifest(file) });
  assert.deepEqual(
    apply.objects,
    expected.objects.map((o) => ({ kind: o.kind, namespace: o.namespace ?? null, name: o.name, action: 'created' })),
  );
  for (const o of expected.objects) {
    const info = served.get(o.kind);
    assert.ok(info, `${o.kind} is not served`);
    const args = info.namespaced ? `(namespace: "${o.namespace}", name: "${o.name}")` : `(name: "${o.name}")`;
    const found = await api.ok(`query { ${info.singular}${args} { metadata { name } } }`);
    assert.equal((found[info.singular] as { metadata: { name: string } } | null)?.metadata.name, o.name, `${o.kind}/${o.name} can be read back`);
  }
  for (const w of expected.workloads ?? []) {
    const { singular } = served.get(w.kind)!;
    const ns = FIXTURES[file]!.objects.find((o) => o.kind === w.kind && o.name === w.name)?.namespace;
    await eventually(
      async () => {
        const field = READY_FIELD[w.kind] ?? 'readyReplicas';
        const found = await api.ok(`query { ${singular}(namespace: "${ns}", name: "${w.name}") { status { ${field} } } }`);
        return (found[singular] as { status: Record<string, number | null> | null } | null)?.status?.[field] === w.replicas;
      },
      90_000,
      `${w.kind}/${w.name}: ${w.replicas} ready replicas`,
    );
  }
}

for (const file of files) {
  const missing = missingIn(file);
  const { objects, workloads = [] } = FIXTURES[file]!;
  const title = `${file} applies and creates its ${objects.length} object(s)${workloads.length ? `; its ${workloads.length} workload(s) come up` : ''}`;
  if (missing.length === 0) test(title, () => applyAndCheck(file));
  else test(`${title} — TODO: needs ${missing.join(', ')} (MISSING_KINDS)`, { todo: `kinds not served yet: ${missing.join(', ')}` }, () => applyAndCheck(file));
}
