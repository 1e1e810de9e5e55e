import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestApi } from '../support/api.js';
import { startTestCluster, type TestCluster } from '../support/cluster.js';
import { eventually } from '../support/controller-manager.js';

// The controllers are isolated on purpose: the test kubelet (test/support/test-kubelet.ts)
// makes pods Running and Ready at once and confirms deletions at once, with no scheduler
// or node agent. The whole path is covered by cli-rollout and conformance-manifests.
const STAND_IN = '(test kubelet stand-in: pods Ready and deletions confirmed at once, no scheduler)';
let cluster: TestCluster;
let api: TestApi;
before(async () => {
  cluster = await startTestCluster();
  api = cluster.api;
});
after(async () => cluster?.close());

const rs = (name: string, replicas: number, app = name) => ({
  metadata: { name },
  spec: {
    replicas,
    selector: { matchLabels: { app } },
    template: { metadata: { labels: { app } }, spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }] } },
  },
});
const podsOf = async (selector: string) => {
  const { pods } = await api.ok(
    `query($s: String) { pods(namespace: "default", labelSelector: $s) { items { metadata { name deletionTimestamp ownerReferences { uid controller } } status { phase } } } }`,
    { s: selector },
  );
  return pods.items as { metadata: { name: string; deletionTimestamp?: string; ownerReferences: { uid: string; controller: boolean }[] }; status: { phase: string } }[];
};
const live = (pods: Awaited<ReturnType<typeof podsOf>>) => pods.filter((p) => !p.metadata.deletionTimestamp);

describe(`ReplicaSet controller ${STAND_IN}`, () => {
  test('scales 0 → 50 → 10 with owned pods and status', async () => {
    const { createReplicaSet } = await api.ok(`mutation($input: ReplicaSetInput!) { createReplicaSet(input: $input) { metadata { uid } } }`, { input: rs('web', 0) });
    await api.ok(`mutation { scaleReplicaSet(name: "web", replicas: 50) { spec { replicas } } }`);
    await eventually(async () => (await podsOf('app=web')).length === 50, 60_000, '50 pods');
    const pods = await podsOf('app=web');
    assert.ok(
      pods.every((p) => p.metadata.ownerReferences.some((r) => r.uid === createReplicaSet.metadata.uid && r.controller)),
      'every pod is owned by the ReplicaSet',
    );
    await eventually(
      async () => {
        const { replicaSet } = await api.ok(`query { replicaSet(name: "web") { status { replicas readyReplicas availableReplicas observedGeneration } metadata { generation } } }`);
        return replicaSet.status.readyReplicas === 50 && replicaSet.status.availableReplicas === 50 && replicaSet.status.observedGeneration === replicaSet.metadata.generation;
      },
      60_000,
      'status of 50 ready',
    );
    await api.ok(`mutation { scaleReplicaSet(name: "web", replicas: 10) { spec { replicas } } }`);
    await eventually(async () => (await podsOf('app=web')).length === 10, 60_000, 'scale down to 10');
    const { events } = await api.ok(`query { events(namespace: "default", fieldSelector: "involvedObject.name=web,reason=SuccessfulCreate") { items { count } } }`);
    assert.ok(events.items.length > 0, 'SuccessfulCreate events were recorded');
  });

  test('adopts a matching orphan and releases a pod whose labels stop matching', async () => {
    await api.ok(`mutation($input: ReplicaSetInput!) { createReplicaSet(input: $input) { metadata { uid } } }`, { input: rs('adopter', 2) });
    await eventually(async () => live(await podsOf('app=adopter')).length === 2, 30_000);
    const [pod] = await podsOf('app=adopter');
    await api.ok(`mutation($name: String!) { patchPod(name: $name, patch: { metadata: { labels: { app: "gone" } } }) { metadata { name } } }`, { name: pod!.metadata.name });
    await eventually(async () => (await podsOf('app=gone'))[0]?.metadata.ownerReferences.length === 0, 30_000, 'release');
    await eventually(async () => live(await podsOf('app=adopter')).length === 2, 30_000, 'a replacement');
  });
});

/** The API's request count for one root field (all outcomes), from /metrics. */
const requests = async (operation: string) => {
  const text = await (await fetch(api.url.replace('/graphql', '/metrics'))).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`wheelhouse_api_requests_total{operation="${operation}",`))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
};

describe(`ReplicaSet controller: bulk creates ${STAND_IN}`, () => {
  test('200 replicas end as exactly 200 pods, made by one createPods call per slow-start batch', async () => {
    const [bulkBefore, singleBefore] = [await requests('createPods'), await requests('createPod')];
    await api.ok(`mutation($input: ReplicaSetInput!) { createReplicaSet(input: $input) { metadata { uid } } }`, { input: rs('bulk', 200) });
    await eventually(
      async () => {
        const { replicaSet } = await api.ok(`query { replicaSet(name: "bulk") { status { replicas readyReplicas } } }`);
        return replicaSet.status?.replicas === 200 && replicaSet.status?.readyReplicas === 200;
      },
      120_000,
      '200 ready replicas',
    );
    assert.equal(live(await podsOf('app=bulk')).length, 200);
    // Slow start 1, 2, 4, ..., 64, 73: 8 calls; a few more only if a sync was retried.
    const bulkCalls = (await requests('createPods')) - bulkBefore;
    assert.ok(bulkCalls >= 8 && bulkCalls <= 16, `createPods calls: ${bulkCalls}`);
    assert.equal((await requests('createPod')) - singleBefore, 0, 'no single createPod calls');
    // Still exactly 200 a moment later: nothing was created twice.
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(live(await podsOf('app=bulk')).length, 200);
  });
});

describe(`garbage collector ${STAND_IN}`, () => {
  test('Background: deleting the owner deletes its pods', async () => {
    await api.ok(`mutation($input: ReplicaSetInput!) { createReplicaSet(input: $input) { metadata { uid } } }`, { input: rs('bg', 3) });
    await eventually(async () => (await podsOf('app=bg')).length === 3, 30_000);
    await api.ok(`mutation { deleteReplicaSet(name: "bg") { metadata { name } } }`);
    await eventually(async () => (await podsOf('app=bg')).length === 0, 30_000, 'dependents deleted');
  });

  test('Orphan: the pods stay, without the owner reference', async () => {
    await api.ok(`mutation($input: ReplicaSetInput!) { createReplicaSet(input: $input) { metadata { uid } } }`, { input: rs('orph', 2) });
    await eventually(async () => (await podsOf('app=orph')).length === 2, 30_000);
    await api.ok(`mutation { deleteReplicaSet(name: "orph", propagationPolicy: Orphan) { metadata { name } } }`);
    await eventually(async () => (await api.ok(`query { replicaSet(name: "orph") { metadata { name } } }`)).replicaSet === null, 30_000, 'owner gone');
    const pods = await podsOf('app=orph');
    assert.equal(pods.length, 2);
    assert.ok(pods.every((p) => p.metadata.ownerReferences.length === 0));
  });

  test('Foreground: the owner stays until its pods are gone', async () => {
    await api.ok(`mutation($input: ReplicaSetInput!) { createReplicaSet(input: $input) { metadata { uid } } }`, { input: rs('fg', 2) });
    await eventually(async () => (await podsOf('app=fg')).length === 2, 30_000);
    await api.ok(`mutation { deleteReplicaSet(name: "fg", propagationPolicy: Foreground) { metadata { name } } }`);
    await eventually(async () => (await podsOf('app=fg')).length === 0, 30_000, 'dependents deleted first');
    await eventually(async () => (await api.ok(`query { replicaSet(name: "fg") { metadata { name } } }`)).replicaSet === null, 30_000, 'then the owner');
  });
});

describe(`namespace controller ${STAND_IN}`, () => {
  test('deleting a namespace empties it and removes it', async () => {
    await api.ok(`mutation { createNamespace(input: { metadata: { name: "doomed" } }) { metadata { name } } }`);
    await api.ok(`mutation($input: ReplicaSetInput!) { createReplicaSet(namespace: "doomed", input: $input) { metadata { uid } } }`, { input: rs('inside', 2) });
    await eventually(async () => (await api.ok(`query { pods(namespace: "doomed") { items { metadata { name } } } }`)).pods.items.length === 2, 30_000);
    await api.ok(`mutation { deleteNamespace(name: "doomed") { metadata { name } } }`);
    await eventually(async () => (await api.ok(`query { namespace(name: "doomed") { metadata { name } } }`)).namespace === null, 30_000, 'namespace removed');
    const { pods } = await api.ok(`query { pods(namespace: "doomed") { items { metadata { name } } } }`);
    assert.equal(pods.items.length, 0);
  });
});
