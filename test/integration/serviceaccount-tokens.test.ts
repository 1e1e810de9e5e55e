// ServiceAccount tokens through the real API and controller-manager: every namespace gets a
// `default` ServiceAccount; TokenRequest issues a signed, audience-bound, expiring JWT that
// authenticates as system:serviceaccount:NS:NAME (with its groups) and is authorized by
// RBAC; a token stops working when its ServiceAccount is deleted, even if one is recreated
// under the same name.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';

let api: TestApi;
let controllerManager: ChildProcess;

before(async () => {
  api = await startTestApi();
  controllerManager = spawnControllerManager(api.url);
  await api.ok(`mutation { createNamespace(input: { metadata: { name: "ci" } }) { metadata { name } } }`);
});
after(async () => {
  if (controllerManager.exitCode === null) await new Promise((resolve) => controllerManager.once('exit', resolve) && controllerManager.kill('SIGTERM'));
  await api?.close();
});

const TOKEN = `mutation($ns: String!, $sa: String!, $aud: [String!], $exp: Int) {
  createToken(namespace: $ns, serviceAccountName: $sa, audiences: $aud, expirationSeconds: $exp) { kind spec { audiences expirationSeconds } status { token expirationTimestamp } }
}`;
const issue = async (sa: string, extra: Record<string, unknown> = {}) =>
  (await api.ok<{ createToken: { status: { token: string; expirationTimestamp: string } } }>(TOKEN, { ns: 'ci', sa, ...extra })).createToken.status;
const LIST_CONFIGMAPS = `{ configMaps(namespace: "ci") { items { metadata { name } } } }`;

describe('ServiceAccount tokens', () => {
  test('the serviceaccount controller gives every namespace a default ServiceAccount, and recreates it', async () => {
    const defaultSa = () => api.ok<{ serviceAccount: { metadata: { uid: string } } | null }>(`{ serviceAccount(namespace: "ci", name: "default") { metadata { uid } } }`);
    const first = await eventually(async () => (await defaultSa()).serviceAccount, 20_000, 'default ServiceAccount in ci');
    await api.ok(`mutation { deleteServiceAccount(namespace: "ci", name: "default") { metadata { name } } }`);
    await eventually(
      async () => {
        const sa = (await defaultSa()).serviceAccount;
        return sa && sa.metadata.uid !== first.metadata.uid;
      },
      20_000,
      'default ServiceAccount recreated',
    );
  });

  test('a token is an ES256 JWT for the API audience, expiring when asked, and RBAC decides what it may do', async () => {
    await api.ok(`mutation { createServiceAccount(namespace: "ci", input: { metadata: { name: "builder" } }) { metadata { name } } }`);
    const issued = await issue('builder', { exp: 1200 });
    assert.equal(decodeProtectedHeader(issued.token).alg, 'ES256');
    const claims = decodeJwt(issued.token);
    assert.equal(claims.sub, 'system:serviceaccount:ci:builder');
    assert.deepEqual(claims.aud, ['https://kubernetes.default.svc.cluster.local']);
    assert.equal(claims.exp! - claims.iat!, 1200);
    assert.equal(new Date(issued.expirationTimestamp).getTime(), claims.exp! * 1000);

    const refused = await api.gql(LIST_CONFIGMAPS, undefined, issued.token);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(
      refused.errors?.[0]?.message,
      'configmaps is forbidden: User "system:serviceaccount:ci:builder" cannot list resource "configmaps" in API group "" in the namespace "ci"',
    );

    // Its groups: a binding to system:serviceaccounts:ci grants every account of the namespace.
    await api.ok(
      `mutation { createRoleBinding(namespace: "ci", input: { metadata: { name: "sa-view" }, roleRef: { kind: "ClusterRole", name: "view" }, subjects: [{ kind: "Group", name: "system:serviceaccounts:ci" }] }) { metadata { name } } }`,
    );
    await eventually(async () => !(await api.gql(LIST_CONFIGMAPS, undefined, issued.token)).errors, 15_000, 'view through the namespace group');
    const write = await api.gql(`mutation { createConfigMap(namespace: "ci", input: { metadata: { name: "x" } }) { metadata { name } } }`, undefined, issued.token);
    assert.equal(write.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  test('tokens for another audience, too short-lived, or for a missing account are refused', async () => {
    const other = await issue('builder', { aud: ['vault'] });
    const res = await api.gql(LIST_CONFIGMAPS, undefined, other.token);
    assert.equal(res.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    const short = await api.gql(TOKEN, { ns: 'ci', sa: 'builder', exp: 599 });
    assert.equal(short.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(short.errors?.[0]?.message ?? '', /may not specify a duration less than 10 minutes/);
    const missing = await api.gql(TOKEN, { ns: 'ci', sa: 'nobody' });
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal(missing.errors?.[0]?.message, 'serviceaccounts "nobody" not found');
    // A forged token (signed by someone else's key) is not a user at all.
    const [head, body] = other.token.split('.');
    const forged = await api.gql(LIST_CONFIGMAPS, undefined, `${head}.${body}.${'A'.repeat(86)}`);
    assert.equal(forged.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  });

  test('a token for a deleted ServiceAccount stops working, also after the name is reused', async () => {
    await api.ok(`mutation { createServiceAccount(namespace: "ci", input: { metadata: { name: "temp" } }) { metadata { name } } }`);
    const issued = await issue('temp');
    await api.ok(
      `mutation { createRoleBinding(namespace: "ci", input: { metadata: { name: "temp-view" }, roleRef: { kind: "ClusterRole", name: "view" }, subjects: [{ kind: "ServiceAccount", name: "temp" }] }) { metadata { name } } }`,
    );
    await eventually(async () => !(await api.gql(LIST_CONFIGMAPS, undefined, issued.token)).errors, 15_000, 'temp may list');
    await api.ok(`mutation { deleteServiceAccount(namespace: "ci", name: "temp") { metadata { name } } }`);
    await eventually(async () => (await api.gql(LIST_CONFIGMAPS, undefined, issued.token)).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED', 15_000, 'token refused');
    await api.ok(`mutation { createServiceAccount(namespace: "ci", input: { metadata: { name: "temp" } }) { metadata { name } } }`);
    const again = await api.gql(LIST_CONFIGMAPS, undefined, issued.token);
    assert.equal(again.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED', 'the recreated account has another uid');
  });

  test('a token bound to a pod stops working when the pod is deleted', async () => {
    await api.ok(
      `mutation { createPod(namespace: "ci", input: { metadata: { name: "runner" }, spec: { serviceAccountName: "builder", containers: [{ name: "c", image: "busybox" }] } }) { metadata { name } } }`,
    );
    const bound = await api.ok<{ createToken: { spec: { boundObjectRef: { kind: string; name: string } }; status: { token: string } } }>(
      `mutation { createToken(namespace: "ci", serviceAccountName: "builder", boundPodName: "runner") { spec { boundObjectRef { kind name } } status { token } } }`,
    );
    assert.deepEqual(bound.createToken.spec.boundObjectRef, { kind: 'Pod', name: 'runner' });
    const token = bound.createToken.status.token;
    assert.deepEqual((decodeJwt(token)['kubernetes.io'] as { pod?: { name: string } }).pod?.name, 'runner');
    assert.equal((await api.gql(LIST_CONFIGMAPS, undefined, token)).errors, undefined);
    // Another account's pod cannot be bound.
    const wrong = await api.gql(`mutation { createToken(namespace: "ci", serviceAccountName: "default", boundPodName: "runner") { status { token } } }`);
    assert.equal(wrong.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    await api.ok(`mutation { deletePod(namespace: "ci", name: "runner", gracePeriodSeconds: 0) { metadata { name } } }`);
    await eventually(async () => (await api.gql(LIST_CONFIGMAPS, undefined, token)).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED', 15_000, 'bound token refused');
  });
});
