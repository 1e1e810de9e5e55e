// RBAC through the real API: a non-admin user is refused with Kubernetes' message until a
// binding grants it; subresources, watches, apply, logs and history pass the same hook;
// escalation is refused; the default roles exist and aggregate.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createDb, type Db } from '@wheelhouse/db';
import { loadTokenAuthFile } from '@wheelhouse/api/auth/token-auth-file';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApi, type GraphQLResponse, type TestApi } from '../support/api.js';

const DEV = 'rbac-test-dev-token';
let api: TestApi;
let db: Db;

before(async () => {
  api = await startTestApi();
  db = createDb(api.databaseUrl, 1);
  // A static user, as kube-apiserver's --token-auth-file (WHEELHOUSE_TOKEN_AUTH_FILE) defines one.
  const file = join(mkdtempSync(join(tmpdir(), 'wh-tokens-')), 'tokens.csv');
  writeFileSync(file, `${DEV},dev,1001,"developers"\n`);
  await loadTokenAuthFile(db, file);
  await api.ok(`mutation { createNamespace(input: { metadata: { name: "team" } }) { metadata { name } } }`);
});
after(async () => {
  await db?.$disconnect();
  await api?.close();
});

const asDev = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) => api.gql<T>(query, variables, DEV);
const firstError = (r: GraphQLResponse) => r.errors?.[0];

/** The authorizer reads the change log: wait until a just-written grant is seen. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`never: ${what}`);
}

const LIST_PODS = `query($ns: String) { pods(namespace: $ns) { items { metadata { name } } } }`;

describe('RBAC authorization', () => {
  test('default roles and bindings are bootstrapped, with admin, edit and view aggregated before any controller runs', async () => {
    const data = await api.ok<{ clusterRoles: { items: { metadata: { name: string } }[] }; clusterRoleBinding: { subjects: { kind: string; name: string }[] } }>(
      `{ clusterRoles { items { metadata { name } } } clusterRoleBinding(name: "cluster-admin") { subjects { kind name } } }`,
    );
    const names = data.clusterRoles.items.map((r) => r.metadata.name);
    for (const name of ['cluster-admin', 'admin', 'edit', 'view', 'system:node', 'system:basic-user']) assert.ok(names.includes(name), name);
    assert.deepEqual(data.clusterRoleBinding.subjects, [{ kind: 'Group', name: 'system:masters' }]);
  });

  test('a user without bindings is FORBIDDEN with kube-apiserver’s message', async () => {
    const error = firstError(await asDev(LIST_PODS, { ns: 'default' }));
    assert.equal(error?.extensions?.code, 'FORBIDDEN');
    assert.equal(error?.message, 'pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "default"');
    const get = firstError(await asDev(`{ deployment(namespace: "team", name: "web") { metadata { name } } }`));
    assert.equal(get?.message, 'deployments.apps "web" is forbidden: User "dev" cannot get resource "deployments" in API group "apps" in the namespace "team"');
    const nodes = firstError(await asDev(`{ nodes { items { metadata { name } } } }`));
    assert.equal(nodes?.message, 'nodes is forbidden: User "dev" cannot list resource "nodes" in API group "" at the cluster scope');
  });

  test('a RoleBinding to the group grants `edit` in one namespace only', async () => {
    await api.ok(
      `mutation { createRoleBinding(namespace: "team", input: { metadata: { name: "devs-edit" }, roleRef: { kind: "ClusterRole", name: "edit" }, subjects: [{ kind: "Group", name: "developers" }] }) { roleRef { apiGroup } subjects { apiGroup } } }`,
    );
    await eventually(async () => !(await asDev(LIST_PODS, { ns: 'team' })).errors, 'dev may list pods in team');
    assert.equal(firstError(await asDev(LIST_PODS, { ns: 'default' }))?.extensions?.code, 'FORBIDDEN');
    assert.equal(firstError(await asDev(LIST_PODS, {}))?.extensions?.code, 'FORBIDDEN', 'all namespaces is cluster scope');
    const created = await asDev(`mutation { createConfigMap(namespace: "team", input: { metadata: { name: "c" }, data: { a: "b" } }) { metadata { name } } }`);
    assert.equal(created.errors, undefined);
    // edit holds no status subresources and no RBAC writes.
    const status = firstError(await asDev(`mutation { patchPodStatus(namespace: "team", name: "x", patch: { status: { phase: "Failed" } }) { metadata { name } } }`));
    assert.equal(status?.message, 'pods "x" is forbidden: User "dev" cannot patch resource "pods/status" in API group "" in the namespace "team"');
    // apply checks every document: one in another namespace is refused before anything is written.
    const manifest = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ok, namespace: team }\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: no, namespace: default }\n`;
    const applied = firstError(await asDev(`mutation($m: String!) { apply(manifest: $m) { objects { name } } }`, { m: manifest }));
    assert.equal(applied?.extensions?.code, 'FORBIDDEN');
    const ok = await api.ok<{ configMaps: { items: unknown[] } }>(`{ configMaps(namespace: "team", fieldSelector: "metadata.name=ok") { items { metadata { name } } } }`);
    assert.equal(ok.configMaps.items.length, 0);
    // history is a read of the object it names.
    assert.equal(firstError(await asDev(`{ history(kind: "Secret", namespace: "default", name: "s") { revision } }`))?.extensions?.code, 'FORBIDDEN');
    assert.equal((await asDev(`{ history(kind: "ConfigMap", namespace: "team", name: "c") { revision } }`)).errors, undefined);
  });

  test('watches are authorized at subscribe time, over the WebSocket', async () => {
    const client = createClient({ url: api.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${DEV}` }, retryAttempts: 0 });
    try {
      const error = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: `subscription { watchSecrets(namespace: "default") { type } }` },
          { next: () => resolve('event'), error: resolve, complete: () => resolve('complete') },
        );
      });
      assert.ok(Array.isArray(error), `expected GraphQL errors, got ${JSON.stringify(error)}`);
      assert.equal((error as { extensions?: { code?: string } }[])[0]?.extensions?.code, 'FORBIDDEN');
      assert.match((error as { message: string }[])[0]!.message, /^secrets is forbidden: User "dev" cannot watch resource "secrets"/);
    } finally {
      await client.dispose();
    }
  });

  test('escalation: a user may not grant what it does not hold, unless it has escalate/bind', async () => {
    // dev gets `admin` in team: it may write Roles and RoleBindings there.
    await api.ok(
      `mutation { createRoleBinding(namespace: "team", input: { metadata: { name: "devs-admin" }, roleRef: { kind: "ClusterRole", name: "admin" }, subjects: [{ kind: "User", name: "dev" }] }) { metadata { name } } }`,
    );
    const role = (name: string, resources: string, verbs: string) =>
      asDev(
        `mutation { createRole(namespace: "team", input: { metadata: { name: "${name}" }, rules: [{ apiGroups: [""], resources: ["${resources}"], verbs: [${verbs}] }] }) { metadata { name } } }`,
      );
    await eventually(async () => !(await role('pod-reader', 'pods', '"get","list"')).errors, 'dev may create a Role it holds');
    const escalating = firstError(await role('node-admin', 'nodes', '"*"'));
    assert.equal(escalating?.extensions?.code, 'FORBIDDEN');
    assert.equal(
      escalating?.message,
      'roles.rbac.authorization.k8s.io "node-admin" is forbidden: user "dev" (groups=["developers" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["nodes"], Verbs:["*"]}',
    );
    // Binding cluster-admin in its namespace grants more than dev holds.
    const bind = firstError(
      await asDev(
        `mutation { createRoleBinding(namespace: "team", input: { metadata: { name: "me-root" }, roleRef: { kind: "ClusterRole", name: "cluster-admin" }, subjects: [{ kind: "User", name: "dev" }] }) { metadata { name } } }`,
      ),
    );
    assert.equal(bind?.extensions?.code, 'FORBIDDEN');
    assert.match(bind!.message, /^rolebindings.rbac.authorization.k8s.io "me-root" is forbidden: user "dev"/);
    // A patch that widens an existing Role is refused as well.
    const patched = firstError(
      await asDev(`mutation { patchRole(namespace: "team", name: "pod-reader", patch: { rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] }) { metadata { name } } }`),
    );
    assert.equal(patched?.extensions?.code, 'FORBIDDEN');
    // With `bind` on cluster-admin (granted by the admin), the binding goes through.
    await api.ok(
      `mutation { createClusterRole(input: { metadata: { name: "bind-cluster-admin" }, rules: [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["bind"], resourceNames: ["cluster-admin"] }] }) { metadata { name } } }`,
    );
    await api.ok(
      `mutation { createClusterRoleBinding(input: { metadata: { name: "dev-may-bind" }, roleRef: { kind: "ClusterRole", name: "bind-cluster-admin" }, subjects: [{ kind: "User", name: "dev" }] }) { metadata { name } } }`,
    );
    await eventually(
      async () =>
        !(
          await asDev(
            `mutation { createRoleBinding(namespace: "team", input: { metadata: { name: "me-root" }, roleRef: { kind: "ClusterRole", name: "cluster-admin" }, subjects: [{ kind: "User", name: "dev" }] }) { metadata { name } } }`,
          )
        ).errors,
      'bind lets dev bind cluster-admin',
    );
  });
});
