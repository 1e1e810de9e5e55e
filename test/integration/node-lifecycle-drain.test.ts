import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';

// cordonNode / uncordonNode / evictPod / drainNode against a real API: the rules of kubectl drain.
let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => {
  await api?.close();
});

const NODE = `mutation($input: NodeInput!) { createNode(input: $input) { metadata { name } } }`;
const POD = `mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`;
const DRAIN = `mutation($name: String!, $force: Boolean, $ds: Boolean, $emptyDir: Boolean, $dryRun: Boolean, $grace: Int) {
  drainNode(name: $name, force: $force, ignoreDaemonSets: $ds, deleteEmptyDirData: $emptyDir, dryRun: $dryRun, gracePeriodSeconds: $grace) {
    node { spec { unschedulable } } cordoned evicted { namespace name } skipped { name reason } refused { name reason } warnings errors
  }
}`;

const node = (name: string) => api.ok(NODE, { input: { metadata: { name }, status: { capacity: { cpu: '2', memory: '4Gi', pods: '10' } } } });
const owner = (kind: string) => [{ apiVersion: 'apps/v1', kind, name: `${kind.toLowerCase()}-1`, uid: `uid-${kind}`, controller: true }];
const pod = (name: string, nodeName: string, extra: { owner?: string; emptyDir?: boolean; phase?: string } = {}) =>
  api.ok(POD, {
    input: {
      metadata: { name, ownerReferences: extra.owner ? owner(extra.owner) : [] },
      spec: {
        nodeName,
        containers: [{ name: 'app', image: 'busybox:1.36', ...(extra.emptyDir ? { volumeMounts: [{ name: 'scratch', mountPath: '/scratch' }] } : {}) }],
        ...(extra.emptyDir ? { volumes: [{ name: 'scratch', emptyDir: {} }] } : {}),
      },
    },
  });
const getPod = async (name: string) =>
  (
    await api.ok(
      `query($name: String!) { pod(namespace: "default", name: $name) { metadata { deletionTimestamp deletionGracePeriodSeconds } status { conditions { type status reason message } } } }`,
      { name },
    )
  ).pod as {
    metadata: { deletionTimestamp: string | null; deletionGracePeriodSeconds: number | null };
    status: { conditions: { type: string; status: string; reason: string | null; message: string | null }[] | null };
  } | null;
const disruptionTarget = async (name: string) => (await getPod(name))?.status.conditions?.find((c) => c.type === 'DisruptionTarget');
const unschedulable = async (name: string) => (await api.ok(`query($name: String!) { node(name: $name) { spec { unschedulable } } }`, { name })).node.spec.unschedulable;

describe('node maintenance mutations', () => {
  test('cordonNode and uncordonNode set and clear spec.unschedulable; an unknown node is NOT_FOUND', async () => {
    await node('maint-1');
    const cordoned = await api.ok(`mutation { cordonNode(name: "maint-1") { metadata { name } spec { unschedulable } } }`);
    assert.deepEqual(cordoned.cordonNode, { metadata: { name: 'maint-1' }, spec: { unschedulable: true } });
    const listed = await api.ok(`query { nodes(fieldSelector: "spec.unschedulable=true") { items { metadata { name } } } }`);
    assert.deepEqual(
      listed.nodes.items.map((n: { metadata: { name: string } }) => n.metadata.name),
      ['maint-1'],
    );
    const uncordoned = await api.ok(`mutation { uncordonNode(name: "maint-1") { spec { unschedulable } } }`);
    assert.equal(uncordoned.uncordonNode.spec.unschedulable, null);
    const missing = await api.gql(`mutation { cordonNode(name: "nope") { metadata { name } } }`);
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal(missing.errors?.[0]?.message, 'nodes "nope" not found');
  });

  test('evictPod deletes gracefully; dryRun writes nothing; bad input and absent pods are errors', async () => {
    await pod('evictee', 'maint-1', { owner: 'ReplicaSet' });
    const dry = await api.ok(`mutation { evictPod(namespace: "default", name: "evictee", dryRun: true) { metadata { deletionTimestamp } } }`);
    assert.ok(dry.evictPod.metadata.deletionTimestamp, 'the dry run shows the pod terminating');
    assert.equal((await getPod('evictee'))?.metadata.deletionTimestamp, null, 'but nothing was written');
    assert.equal(await disruptionTarget('evictee'), undefined, 'not even the DisruptionTarget condition');

    const negative = await api.gql(`mutation { evictPod(name: "evictee", gracePeriodSeconds: -1) { metadata { name } } }`);
    assert.equal(negative.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(negative.errors?.[0]?.extensions?.field, 'gracePeriodSeconds');
    assert.equal((await getPod('evictee'))?.metadata.deletionTimestamp, null);

    const evicted = await api.ok(`mutation { evictPod(name: "evictee", gracePeriodSeconds: 7) { metadata { deletionGracePeriodSeconds } } }`);
    assert.equal(evicted.evictPod.metadata.deletionGracePeriodSeconds, 7);
    assert.equal((await getPod('evictee'))?.metadata.deletionGracePeriodSeconds, 7, 'bound and running: terminating until its agent confirms');
    assert.deepEqual(await disruptionTarget('evictee'), { type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' });

    const absent = await api.gql(`mutation { evictPod(name: "ghost") { metadata { name } } }`);
    assert.equal(absent.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal(absent.errors?.[0]?.message, 'pods "ghost" not found');
  });

  test('drainNode refuses unmanaged, DaemonSet and emptyDir pods, evicting nothing, but cordons', async () => {
    await node('maint-2');
    await pod('web-a', 'maint-2', { owner: 'ReplicaSet' });
    await pod('bare', 'maint-2');
    await pod('agent', 'maint-2', { owner: 'DaemonSet' });
    await pod('cache', 'maint-2', { owner: 'ReplicaSet', emptyDir: true });
    await pod('elsewhere', 'maint-1', { owner: 'ReplicaSet' });

    const dry = (await api.ok(DRAIN, { name: 'maint-2', dryRun: true })).drainNode;
    assert.equal(dry.cordoned, true);
    assert.equal(await unschedulable('maint-2'), null, 'a dry run does not cordon');

    const { drainNode } = await api.ok(DRAIN, { name: 'maint-2' });
    assert.equal(drainNode.cordoned, true);
    assert.equal(drainNode.node.spec.unschedulable, true);
    assert.deepEqual(drainNode.evicted, []);
    assert.deepEqual(
      new Set(drainNode.errors),
      new Set([
        'cannot delete Pods that declare no controller (use --force to override): default/bare',
        'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/agent',
        'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache',
      ]),
    );
    assert.deepEqual(drainNode.refused.map((p: { name: string }) => p.name).sort(), ['agent', 'bare', 'cache']);
    for (const name of ['web-a', 'bare', 'agent', 'cache']) assert.equal((await getPod(name))?.metadata.deletionTimestamp, null, `${name} untouched`);
  });

  test('with the overrides drainNode evicts all but DaemonSet pods, and says the node was already cordoned', async () => {
    const { drainNode } = await api.ok(DRAIN, { name: 'maint-2', force: true, ds: true, emptyDir: true, grace: 5 });
    assert.equal(drainNode.cordoned, false, 'already cordoned by the first drain');
    assert.deepEqual(drainNode.errors, []);
    assert.deepEqual(drainNode.evicted.map((p: { name: string }) => p.name).sort(), ['bare', 'cache', 'web-a']);
    assert.deepEqual(drainNode.skipped, [{ name: 'agent', reason: 'ignoring DaemonSet-managed Pods' }]);
    assert.deepEqual(
      new Set(drainNode.warnings),
      new Set(['deleting Pods that declare no controller: default/bare', 'ignoring DaemonSet-managed Pods: default/agent', 'deleting Pods with local storage: default/cache']),
    );
    for (const name of ['web-a', 'bare', 'cache']) assert.equal((await getPod(name))?.metadata.deletionGracePeriodSeconds, 5, `${name} evicted with grace 5`);
    assert.equal((await getPod('agent'))?.metadata.deletionTimestamp, null, 'the DaemonSet pod stays');
    assert.equal((await getPod('elsewhere'))?.metadata.deletionTimestamp, null, 'pods of other nodes stay');
  });

  test('podSelector drains only the matching pods; a bad selector is BAD_USER_INPUT and changes nothing', async () => {
    await node('maint-4');
    await api.ok(POD, {
      input: {
        metadata: { name: 'front', labels: { tier: 'front' }, ownerReferences: owner('ReplicaSet') },
        spec: { nodeName: 'maint-4', containers: [{ name: 'app', image: 'busybox:1.36' }] },
      },
    });
    await api.ok(POD, {
      input: {
        metadata: { name: 'back', labels: { tier: 'back' }, ownerReferences: owner('ReplicaSet') },
        spec: { nodeName: 'maint-4', containers: [{ name: 'app', image: 'busybox:1.36' }] },
      },
    });
    const bad = await api.gql(`mutation { drainNode(name: "maint-4", podSelector: "tier in (") { cordoned } }`);
    assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(bad.errors?.[0]?.extensions?.field, 'podSelector');
    assert.equal(await unschedulable('maint-4'), null, 'not even cordoned');
    const { drainNode } = await api.ok(`mutation { drainNode(name: "maint-4", podSelector: "tier=front") { evicted { name } } }`);
    assert.deepEqual(drainNode.evicted, [{ name: 'front' }]);
    assert.equal((await getPod('back'))?.metadata.deletionTimestamp, null);
  });

  test('finished pods are drained whatever they are; an unknown node is NOT_FOUND', async () => {
    await node('maint-3');
    await pod('job-done', 'maint-3');
    await api.ok(`mutation { patchPodStatus(namespace: "default", name: "job-done", patch: { status: { phase: "Succeeded" } }) { metadata { name } } }`);
    const { drainNode } = await api.ok(DRAIN, { name: 'maint-3' });
    assert.deepEqual(drainNode.errors, []);
    assert.deepEqual(drainNode.evicted, [{ namespace: 'default', name: 'job-done' }]);
    assert.equal(await getPod('job-done'), null, 'a finished pod is deleted at once');
    const missing = await api.gql(DRAIN, { name: 'nope' });
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});
