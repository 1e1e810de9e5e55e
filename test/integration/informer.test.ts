import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { compactChangeLog } from '@wheelhouse/db';
import { gql, listAll, WheelhouseClient } from '@wheelhouse/client';
import { Informer, keyOf, type RuntimeObject } from '@wheelhouse/controller-runtime';
import { eventually } from '@wheelhouse/controller-runtime/testing/eventually';
import { ADMIN_TOKEN, startRealApi, type RealApi } from '../support/real-api.js';

interface Pod extends RuntimeObject {
  spec?: { nodeName?: string | null } | null;
}

const FIELDS = 'spec { nodeName }';
const NS = 'default';

let api: RealApi;
let writer: WheelhouseClient;
before(async () => {
  api = await startRealApi();
  writer = api.client();
});
after(async () => api?.close());

const CREATE = gql`mutation ($namespace: String, $input: PodInput!) { createPod(namespace: $namespace, input: $input) { metadata { uid } } }`;
const PATCH = gql`mutation ($namespace: String, $name: String!, $patch: JSONObject!) { patchPod(namespace: $namespace, name: $name, patch: $patch) { metadata { resourceVersion } } }`;
const DELETE = gql`mutation ($namespace: String, $name: String!) { deletePod(namespace: $namespace, name: $name, gracePeriodSeconds: 0) { metadata { name } } }`;

async function createPod(name: string, extra: { labels?: Record<string, string>; owner?: string } = {}, client = writer): Promise<string> {
  const ownerReferences = extra.owner ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: extra.owner, controller: true }] : undefined;
  const input = {
    metadata: { name, labels: extra.labels ?? {}, ownerReferences },
    spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }] },
  };
  const data = await client.request<{ createPod: { metadata: { uid: string } } }>(CREATE, { namespace: NS, input });
  return data.createPod.metadata.uid;
}
const patchLabels = (name: string, labels: Record<string, string>, client = writer) => client.request(PATCH, { namespace: NS, name, patch: { metadata: { labels } } });
const deletePod = (name: string, client = writer) => client.request(DELETE, { namespace: NS, name });

/** Every pod of the namespace as `key@resourceVersion`, from the cache and from the API. */
const snapshot = (pods: readonly Pod[]) => pods.map((p) => `${keyOf(p)}@${p.metadata.resourceVersion}`).sort();
async function assertCacheMatchesApi(informer: Informer<Pod>): Promise<void> {
  const { items } = await listAll<Pod>(writer, { plural: 'pods', fields: 'metadata { name namespace resourceVersion }', namespace: NS });
  assert.deepEqual(snapshot(informer.list(NS)), snapshot(items));
}

/** An informer on the namespace's pods that records what its handlers heard, as `verb name`. */
function startInformer(transform?: (pod: Pod) => Pod): { informer: Informer<Pod>; heard: string[]; errors: string[] } {
  const heard: string[] = [];
  const errors: string[] = [];
  const informer = new Informer<Pod>(api.client(), { plural: 'pods', kind: 'Pod', fields: FIELDS, namespace: NS, transform, onError: (e) => errors.push(e.code) });
  informer.addEventHandler({
    onAdd: (p) => heard.push(`add ${p.metadata.name}`),
    onUpdate: (_, p) => heard.push(`update ${p.metadata.name}`),
    onDelete: (p) => heard.push(`delete ${p.metadata.name}`),
  });
  informer.start();
  return { informer, heard, errors };
}

test('list+watch keeps the cache equal to the API’s pods through creates, patches and deletes', async (t) => {
  await createPod('pre-1');
  await createPod('pre-2');
  const { informer, heard } = startInformer();
  t.after(() => informer.stop());
  assert.equal(await informer.waitForSync(), true);
  assert.deepEqual(heard.sort(), ['add pre-1', 'add pre-2']);
  await assertCacheMatchesApi(informer);

  heard.length = 0;
  await createPod('w-1', { labels: { app: 'web' } });
  await patchLabels('pre-1', { app: 'web' });
  await deletePod('pre-2');
  await eventually(() => assertCacheMatchesApi(informer));
  assert.deepEqual(heard, ['add w-1', 'update pre-1', 'delete pre-2']);
  assert.deepEqual(
    informer
      .list(NS, { app: 'web' })
      .map((p) => p.metadata.name)
      .sort(),
    ['pre-1', 'w-1'],
  );

  const cached = informer.get(`${NS}/pre-1`)!;
  assert.throws(() => {
    (cached.metadata as { name: string }).name = 'mutated';
  }, TypeError);
  assert.throws(
    () => {
      (cached.metadata.labels as Record<string, string>).app = 'mutated';
    },
    TypeError,
    'frozen all the way down',
  );
  for (const name of ['pre-1', 'w-1']) await deletePod(name);
});

test('byOwner finds the pods that reference an owner uid, following changes (cache holding transformed objects)', async (t) => {
  const { informer } = startInformer((pod) => ({ metadata: pod.metadata }));
  t.after(() => informer.stop());
  await informer.waitForSync();
  const rs1 = randomUUID();
  const rs2 = randomUUID();
  await createPod('owned-a', { owner: rs1 });
  await createPod('owned-b', { owner: rs1 });
  await createPod('owned-c', { owner: rs2 });
  await createPod('orphan');
  const owned = (uid: string) =>
    informer
      .byOwner(uid)
      .map((p) => p.metadata.name)
      .sort();
  await eventually(() => assert.equal(informer.size, 4));
  assert.deepEqual(owned(rs1), ['owned-a', 'owned-b']);
  assert.deepEqual(owned(rs2), ['owned-c']);
  assert.equal(informer.get(`${NS}/orphan`)?.spec, undefined, 'transform dropped spec');
  await deletePod('owned-a');
  await eventually(() => assert.deepEqual(owned(rs1), ['owned-b']));
  for (const name of ['owned-b', 'owned-c', 'orphan']) await deletePod(name);
  await eventually(() => assert.equal(informer.size, 0));
});

/**
 * Stops the API, writes through a second API on the same database while the
 * informer's server is down, optionally compacts the change log, then restarts
 * the API on its old port.
 */
async function writeWhileDown(write: (client: WheelhouseClient) => Promise<void>, compact: boolean): Promise<void> {
  await api.stopServer();
  const other = await api.startServer(0);
  try {
    const client = new WheelhouseClient({ server: other.url, token: ADMIN_TOKEN });
    try {
      await write(client);
    } finally {
      client.close();
    }
    if (compact) await compactChangeLog(other.db, { retentionSeconds: 0, minRevisions: 0 });
  } finally {
    await other.close();
  }
  await api.startServer();
}

test('after an API restart on the same database and port the watch resumes: only the changes made meanwhile are heard', async (t) => {
  await createPod('r-keep');
  await createPod('r-patch');
  await createPod('r-delete');
  const { informer, heard, errors } = startInformer();
  t.after(() => informer.stop());
  await informer.waitForSync();
  heard.length = 0;
  await writeWhileDown(async (client) => {
    await createPod('r-new', {}, client);
    await patchLabels('r-patch', { step: 'two' }, client);
    await deletePod('r-delete', client);
  }, false);
  await eventually(() => assert.equal(heard.length, 3), 15_000);
  assert.deepEqual(heard, ['add r-new', 'update r-patch', 'delete r-delete']);
  await assertCacheMatchesApi(informer);
  assert.ok(!errors.includes('EXPIRED'), `resumed without a relist: ${errors.join(',')}`);
  assert.equal(informer.get(`${NS}/r-patch`)?.metadata.labels?.step, 'two');

  // Life goes on after the restart.
  await patchLabels('r-keep', { step: 'after' });
  await eventually(() => assert.equal(informer.get(`${NS}/r-keep`)?.metadata.labels?.step, 'after'));
  for (const name of ['r-keep', 'r-patch', 'r-new']) await deletePod(name);
});

test('when the watch has expired (change log compacted) the informer relists and emits just the differences', async (t) => {
  await createPod('x-keep');
  await createPod('x-patch');
  await createPod('x-delete');
  const { informer, heard, errors } = startInformer();
  t.after(() => informer.stop());
  await informer.waitForSync();
  heard.length = 0;
  await writeWhileDown(async (client) => {
    await createPod('x-new', {}, client);
    await patchLabels('x-patch', { step: 'two' }, client);
    await deletePod('x-delete', client);
  }, true);
  await eventually(() => assert.equal(heard.length, 3), 15_000);
  // A relist reports deletions first, then updates, then additions; unchanged x-keep stays silent.
  assert.deepEqual(heard, ['delete x-delete', 'update x-patch', 'add x-new']);
  assert.ok(errors.includes('EXPIRED'), `relisted after EXPIRED: ${errors.join(',')}`);
  await assertCacheMatchesApi(informer);
});
