import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeDb, createDb, type Db } from '@wheelhouse/db';
import { storeToken } from '@wheelhouse/api/auth/tokens';
import { startTestApi, type TestApi } from '../support/api.js';

const BOT_TOKEN = 'history-test-bot-token';
const HISTORY = `query($kind: String!, $ns: String, $name: String!) {
  history(kind: $kind, namespace: $ns, name: $name) { revision type timestamp actor uid object }
}`;

interface Revision {
  revision: string;
  type: string;
  timestamp: string;
  actor: string | null;
  uid: string;
  object: Record<string, any>;
}

/** Leaf paths whose values differ between two JSON values, e.g. `spec.replicas`. */
function changedPaths(a: unknown, b: unknown, path = ''): string[] {
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => changedPaths((a as any)[k], (b as any)[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
}

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, labels: { app: web } }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx }] }
`;

let api: TestApi;
let db: Db;
before(async () => {
  api = await startTestApi();
  db = createDb(api.databaseUrl, 1);
  // A second principal, so the log must tell writers apart.
  await storeToken(db, 'ci-bot', BOT_TOKEN, 'cluster-admin');
});
after(async () => {
  if (db) await closeDb(db);
  await api?.close();
});

async function history(kind: string, name: string, ns?: string): Promise<Revision[]> {
  return (await api.ok<{ history: Revision[] }>(HISTORY, { kind, ns, name })).history;
}

describe('history', () => {
  test('create, scale and label patch are three revisions with their diffs and actors', async () => {
    await api.ok(`mutation($m: String!) { apply(manifest: $m, namespace: "default") { objects { name } } }`, { m: MANIFEST });
    const scaled = await api.gql(`mutation { scaleDeployment(namespace: "default", name: "web", replicas: 3) { spec { replicas } } }`, {}, BOT_TOKEN);
    assert.equal(scaled.errors, undefined);
    await api.ok(`mutation { patchDeployment(namespace: "default", name: "web", patch: { metadata: { labels: { tier: "frontend" } } }) { metadata { name } } }`);

    const revisions = await history('Deployment', 'web', 'default');
    assert.deepEqual(
      revisions.map((r) => [r.type, r.actor]),
      [
        ['ADDED', 'admin'],
        ['MODIFIED', 'ci-bot'],
        ['MODIFIED', 'admin'],
      ],
    );
    const [created, scale, label] = revisions as [Revision, Revision, Revision];
    assert.ok(BigInt(created.revision) < BigInt(scale.revision) && BigInt(scale.revision) < BigInt(label.revision));
    for (const r of revisions) {
      assert.equal(r.object.metadata.resourceVersion, r.revision);
      assert.equal(r.uid, created.object.metadata.uid);
      assert.ok(!Number.isNaN(Date.parse(r.timestamp)));
    }
    assert.ok(Date.parse(created.timestamp) <= Date.parse(label.timestamp));

    assert.equal(created.object.spec.replicas, 1);
    assert.deepEqual(changedPaths(created.object, scale.object).sort(), ['metadata.generation', 'metadata.resourceVersion', 'spec.replicas']);
    assert.equal(scale.object.spec.replicas, 3);
    assert.deepEqual(changedPaths(scale.object, label.object).sort(), ['metadata.labels.tier', 'metadata.resourceVersion']);
    assert.deepEqual(label.object.metadata.labels, { app: 'web', tier: 'frontend' });
  });

  test('after a revision, only the newer ones come back; a malformed one is BAD_USER_INPUT on after', async () => {
    const all = await history('Deployment', 'web', 'default');
    const { history: newer } = await api.ok<{ history: Revision[] }>(
      `query($after: String) { history(kind: "Deployment", namespace: "default", name: "web", after: $after) { revision } }`,
      { after: all[1]!.revision },
    );
    assert.deepEqual(
      newer.map((r) => r.revision),
      [all[2]!.revision],
    );
    const bad = await api.gql(`{ history(kind: "Deployment", name: "web", after: "abc") { revision } }`);
    assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(bad.errors?.[0]?.extensions?.field, 'after');
  });

  test('kubectl-style kind names work and a deletion is the last revision', async () => {
    await api.ok(`mutation { deleteDeployment(namespace: "default", name: "web") { metadata { name } } }`);
    const revisions = await history('deploy', 'web');
    assert.deepEqual(
      revisions.map((r) => r.type),
      ['ADDED', 'MODIFIED', 'MODIFIED', 'DELETED'],
    );
    assert.equal(revisions.at(-1)!.actor, 'admin');
  });

  test('cluster-scoped objects ignore the namespace', async () => {
    await api.ok(`mutation { createNamespace(input: { metadata: { name: "hist" } }) { metadata { name } } }`);
    const revisions = await history('namespaces', 'hist', 'whatever');
    assert.equal(revisions[0]?.type, 'ADDED');
    assert.equal(revisions[0]?.object.metadata.name, 'hist');
  });

  test('an object never written has no history; another namespace is another object', async () => {
    assert.deepEqual(await history('Pod', 'never'), []);
    assert.deepEqual(await history('Deployment', 'web', 'hist'), []);
  });

  test('an unknown kind is BAD_USER_INPUT on kind', async () => {
    const result = await api.gql(HISTORY, { kind: 'Gizmo', name: 'x' });
    assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(result.errors?.[0]?.extensions?.field, 'kind');
  });
});
