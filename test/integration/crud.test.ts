import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, podInput, POD_FIELDS, type TestApi } from '../support/api.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => api?.close());

const CREATE_POD = `mutation($ns: String, $input: PodInput!) { createPod(namespace: $ns, input: $input) { ${POD_FIELDS} } }`;

describe('pods', () => {
  test('create applies Kubernetes defaults and server metadata', async () => {
    const { createPod } = await api.ok(CREATE_POD, { ns: 'default', input: podInput('web-1', { labels: { app: 'web' } }) });
    assert.equal(createPod.metadata.namespace, 'default');
    assert.match(createPod.metadata.uid, /^[0-9a-f-]{36}$/);
    assert.match(createPod.metadata.resourceVersion, /^\d+$/);
    assert.equal(createPod.metadata.generation, 1);
    assert.equal(createPod.spec.restartPolicy, 'Always');
    assert.equal(createPod.spec.terminationGracePeriodSeconds, 30);
    assert.equal(createPod.spec.dnsPolicy, 'ClusterFirst');
    assert.equal(createPod.status.phase, 'Pending');
  });

  test('get returns the object, null when absent', async () => {
    const { pod } = await api.ok(`query { pod(namespace: "default", name: "web-1") { metadata { name labels } } }`);
    assert.deepEqual(pod.metadata, { name: 'web-1', labels: { app: 'web' } });
    const { missing } = await api.ok(`query { missing: pod(namespace: "default", name: "nope") { metadata { name } } }`);
    assert.equal(missing, null);
  });

  test('duplicate create is ALREADY_EXISTS', async () => {
    const result = await api.gql(CREATE_POD, { ns: 'default', input: podInput('web-1') });
    assert.equal(result.errors?.[0]?.extensions?.code, 'ALREADY_EXISTS');
  });

  test('replace bumps generation on spec change only; status write keeps spec and generation', async () => {
    const { pod } = await api.ok(`query { pod(name: "web-1") { metadata { resourceVersion } } }`);
    const input = podInput('web-1', { labels: { app: 'web', tier: 'fe' } });
    input.spec.containers[0]!.image = 'busybox:1.37';
    const { replacePod } = await api.ok(
      `mutation($input: PodInput!) { replacePod(name: "web-1", input: $input) { metadata { generation labels resourceVersion } spec { containers { image } } } }`,
      { input: { ...input, metadata: { ...input.metadata, resourceVersion: pod.metadata.resourceVersion } } },
    );
    assert.equal(replacePod.metadata.generation, 2);
    assert.equal(replacePod.metadata.labels.tier, 'fe');
    const { patchPodStatus } = await api.ok(
      `mutation { patchPodStatus(name: "web-1", patch: { status: { phase: "Running", podIP: "127.64.0.9" } }) { metadata { generation } spec { containers { image } } status { phase podIP } } }`,
    );
    assert.equal(patchPodStatus.metadata.generation, 2);
    assert.equal(patchPodStatus.spec.containers[0].image, 'busybox:1.37');
    assert.deepEqual(patchPodStatus.status, { phase: 'Running', podIP: '127.64.0.9' });
    const { patchPod } = await api.ok(`mutation { patchPod(name: "web-1", patch: { metadata: { labels: { tier: null } } }) { metadata { labels generation } } }`);
    assert.deepEqual(patchPod.metadata.labels, { app: 'web' });
    assert.equal(patchPod.metadata.generation, 2, 'a label change is not a spec change');
  });

  test('stale resourceVersion is CONFLICT', async () => {
    const result = await api.gql(`mutation { patchPod(name: "web-1", patch: { metadata: { resourceVersion: "1", labels: { x: "y" } } }) { metadata { name } } }`);
    assert.equal(result.errors?.[0]?.extensions?.code, 'CONFLICT');
  });

  test('absent objects are NOT_FOUND for writes', async () => {
    const result = await api.gql(`mutation { patchPod(name: "ghost", patch: { metadata: { labels: { a: "b" } } }) { metadata { name } } }`);
    assert.equal(result.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const del = await api.gql(`mutation { deletePod(name: "ghost") { metadata { name } } }`);
    assert.equal(del.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('list filters by label and field selectors', async () => {
    await api.ok(CREATE_POD, { ns: 'default', input: podInput('db-1', { labels: { app: 'db' }, nodeName: 'node-a' }) });
    const { pods } = await api.ok(`query { pods(labelSelector: "app in (web,db),app!=web") { items { metadata { name } } } }`);
    assert.deepEqual(
      pods.items.map((p: any) => p.metadata.name),
      ['db-1'],
    );
    const byNode = await api.ok(`query { pods(fieldSelector: "spec.nodeName=node-a") { items { metadata { name } } } }`);
    assert.deepEqual(
      byNode.pods.items.map((p: any) => p.metadata.name),
      ['db-1'],
    );
    const byPhase = await api.ok(`query { pods(namespace: "default", fieldSelector: "status.phase=Running") { items { metadata { name } } } }`);
    assert.deepEqual(
      byPhase.pods.items.map((p: any) => p.metadata.name),
      ['web-1'],
    );
  });
});

describe('bulk create', () => {
  const CREATE_MANY = `mutation($inputs: [PodInput!]!) { createPods(namespace: "default", inputs: $inputs) { metadata { name resourceVersion } } }`;

  test('creates every object in one commit, with consecutive revisions', async () => {
    const { createPods } = await api.ok(CREATE_MANY, { inputs: [podInput('bulk-1'), podInput('bulk-2'), podInput('bulk-3')] });
    const revisions = createPods.map((p: any) => Number(p.metadata.resourceVersion));
    assert.deepEqual(revisions, [revisions[0], revisions[0] + 1, revisions[0] + 2]);
  });

  test('one invalid or duplicate input writes nothing and is named by index', async () => {
    const bad = await api.gql(CREATE_MANY, { inputs: [podInput('bulk-4'), { metadata: { name: 'Bad' }, spec: { containers: [{ name: 'a', image: 'x' }] } }] });
    assert.equal(bad.errors?.[0]?.extensions?.field, 'inputs[1].metadata.name');
    const duplicate = await api.gql(CREATE_MANY, { inputs: [podInput('bulk-5'), podInput('bulk-1')] });
    assert.equal(duplicate.errors?.[0]?.extensions?.code, 'ALREADY_EXISTS');
    const { pods } = await api.ok(`query { pods(labelSelector: "!nothing", fieldSelector: "metadata.namespace=default") { items { metadata { name } } } }`);
    const names = pods.items.map((p: any) => p.metadata.name);
    assert.ok(!names.includes('bulk-4') && !names.includes('bulk-5'), 'nothing from the failed batches');
  });
});

describe('bulk status patch', () => {
  test('patches the status of many pods in one commit; an unknown pod fails the whole batch', async () => {
    const PATCH = `mutation($items: [ObjectPatch!]!) { patchPodsStatus(items: $items) { metadata { name resourceVersion } status { phase } } }`;
    const items = ['bulk-1', 'bulk-2'].map((name) => ({ namespace: 'default', name, patch: { status: { phase: 'Running' } } }));
    const { patchPodsStatus } = await api.ok(PATCH, { items });
    assert.deepEqual(
      patchPodsStatus.map((p: any) => p.status.phase),
      ['Running', 'Running'],
    );
    const failed = await api.gql(PATCH, {
      items: [
        { namespace: 'default', name: 'bulk-3', patch: { status: { phase: 'Failed' } } },
        { namespace: 'default', name: 'ghost', patch: { status: {} } },
      ],
    });
    assert.equal(failed.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const { pod } = await api.ok(`query { pod(name: "bulk-3") { status { phase } } }`);
    assert.equal(pod.status.phase, 'Pending', 'nothing of the failed batch was written');
  });
});

describe('validation errors name the field', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['upper-case name', { metadata: { name: 'Web' }, spec: { containers: [{ name: 'a', image: 'x' }] } }, 'metadata.name'],
    ['bad label key', { metadata: { name: 'a', labels: { 'bad key': 'v' } }, spec: { containers: [{ name: 'a', image: 'x' }] } }, 'metadata.labels'],
    ['bad label value', { metadata: { name: 'b', labels: { app: '-x-' } }, spec: { containers: [{ name: 'a', image: 'x' }] } }, 'metadata.labels'],
    ['no containers', { metadata: { name: 'c' }, spec: {} }, 'spec.containers'],
    ['bad restart policy', { metadata: { name: 'd' }, spec: { restartPolicy: 'Sometimes', containers: [{ name: 'a', image: 'x' }] } }, 'spec.restartPolicy'],
    ['unknown field', { metadata: { name: 'e' }, spec: { containers: [{ name: 'a', image: 'x', colour: 'red' }] } }, 'spec.containers[0].colour'],
  ];
  for (const [label, input, field] of cases) {
    test(label, async () => {
      const result = await api.gql(CREATE_POD, { input });
      const error = result.errors?.[0];
      assert.equal(error?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(result));
      assert.ok(error?.extensions?.field?.startsWith(field), `field ${error?.extensions?.field} should start with ${field}`);
    });
  }

  test('invalid label selector', async () => {
    const result = await api.gql(`query { pods(labelSelector: "a in (b") { items { metadata { name } } } }`);
    assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(result.errors?.[0]?.extensions?.field, 'labelSelector');
  });

  test('unsupported field selector', async () => {
    const result = await api.gql(`query { pods(fieldSelector: "spec.colour=red") { items { metadata { name } } } }`);
    assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(result.errors?.[0]?.extensions?.field, 'fieldSelector');
  });

  test('nothing is written by a failed create', async () => {
    const { pods } = await api.ok(`query { pods { items { metadata { name } } } }`);
    const names = pods.items.map((p: any) => p.metadata.name);
    for (const rejected of ['Web', 'a', 'b', 'c', 'd', 'e']) assert.ok(!names.includes(rejected), rejected);
    assert.ok(names.includes('web-1'));
  });
});

describe('other kinds', () => {
  test('namespace, node, event and lease CRUD', async () => {
    await api.ok(`mutation { createNamespace(input: { metadata: { name: "team-a", labels: { team: "a" } } }) { metadata { name } status { phase } } }`);
    const { namespace } = await api.ok(`query { namespace(name: "team-a") { spec { finalizers } status { phase } } }`);
    assert.deepEqual(namespace, { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    const { namespaces } = await api.ok(`query { namespaces(labelSelector: "team") { items { metadata { name } } } }`);
    assert.deepEqual(namespaces.items, [{ metadata: { name: 'team-a' } }]);

    const { createNode } = await api.ok(`mutation($input: NodeInput!) { createNode(input: $input) { metadata { name namespace labels } status { capacity } } }`, {
      input: {
        metadata: { name: 'node-a', labels: { 'kubernetes.io/hostname': 'node-a' } },
        spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] },
        status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' } },
      },
    });
    assert.equal(createNode.metadata.labels['kubernetes.io/hostname'], 'node-a');
    assert.equal(createNode.metadata.namespace, null);
    assert.equal(createNode.status.capacity.memory, '8Gi');
    const cordon = await api.ok(`mutation { patchNode(name: "node-a", patch: { spec: { unschedulable: true } }) { spec { unschedulable } } }`);
    assert.equal(cordon.patchNode.spec.unschedulable, true);
    const { nodes } = await api.ok(`query { nodes(fieldSelector: "spec.unschedulable=true") { items { metadata { name } } } }`);
    assert.equal(nodes.items.length, 1);

    const { createEvent } = await api.ok(
      `mutation { createEvent(namespace: "team-a", input: { metadata: { name: "web.1" }, involvedObject: { kind: "Pod", name: "web", namespace: "team-a" }, reason: "Scheduled", message: "assigned", type: "Normal" }) { reason count type involvedObject { kind name } } }`,
    );
    assert.equal(createEvent.reason, 'Scheduled');
    const { events } = await api.ok(`query { events(namespace: "team-a", fieldSelector: "involvedObject.name=web,reason=Scheduled") { items { message } } }`);
    assert.deepEqual(events.items, [{ message: 'assigned' }]);

    const { createLease } = await api.ok(
      `mutation { createLease(namespace: "kube-node-lease", input: { metadata: { name: "node-a" }, spec: { holderIdentity: "node-a", leaseDurationSeconds: 40 } }) { spec { holderIdentity leaseDurationSeconds } } }`,
    );
    assert.equal(createLease.spec.holderIdentity, 'node-a');
    const del = await api.ok(`mutation { deleteLease(namespace: "kube-node-lease", name: "node-a") { metadata { name } } }`);
    assert.equal(del.deleteLease.metadata.name, 'node-a');
    const gone = await api.ok(`query { lease(namespace: "kube-node-lease", name: "node-a") { metadata { name } } }`);
    assert.equal(gone.lease, null);
  });

  test('system namespaces exist from the first start', async () => {
    const { namespaces } = await api.ok(`query { namespaces { items { metadata { name } } } }`);
    const names = namespaces.items.map((n: any) => n.metadata.name);
    for (const ns of ['default', 'kube-system', 'kube-node-lease']) assert.ok(names.includes(ns), ns);
  });
});

describe('authentication', () => {
  test('a missing or wrong token is UNAUTHENTICATED', async () => {
    for (const token of ['', 'wrong']) {
      const result = await api.gql(`query { pods { items { metadata { name } } } }`, {}, token);
      assert.equal(result.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    }
  });

  test('/healthz and /metrics answer', async () => {
    const base = api.url.replace('/graphql', '');
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    assert.match(metrics, /wheelhouse_api_requests_total\{operation="createPod",outcome="ok"\}/);
    assert.match(metrics, /wheelhouse_api_request_duration_seconds_bucket/);
    assert.match(metrics, /wheelhouse_watch_subscribers/);
  });
});
