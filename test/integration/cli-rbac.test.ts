// `wh create serviceaccount|token|role|clusterrole|rolebinding|clusterrolebinding` and
// `wh auth can-i`, through the real `wh` binary, acting as a non-admin ServiceAccount.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { whRunner } from '../support/wh.js';

let api: TestApi;
let wh: ReturnType<typeof whRunner>;
let saToken: string;

before(async () => {
  api = await startTestApi();
  wh = whRunner(api.url);
});
after(async () => {
  await wh?.stopAll();
  await api?.close();
});

/** `wh` as the ServiceAccount dev:deployer. */
const asSa = (args: string[]) => wh.run(args, { env: { WHEELHOUSE_TOKEN: saToken } });
const ok = async (args: string[]) => {
  const r = await wh.run(args);
  assert.equal(r.code, 0, `wh ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

describe('wh RBAC commands with a non-admin token', () => {
  test('create serviceaccount and token: the token is the ServiceAccount, which may do nothing yet', async () => {
    assert.equal(await ok(['create', 'namespace', 'dev']), 'namespace/dev created');
    assert.equal(await ok(['create', 'serviceaccount', 'deployer', '-n', 'dev']), 'serviceaccount/deployer created');
    saToken = await ok(['create', 'token', 'deployer', '-n', 'dev', '--duration', '20m']);
    assert.match(saToken, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);

    const can = await asSa(['auth', 'can-i', 'list', 'pods', '-n', 'dev']);
    assert.equal(can.stdout.trim(), 'no');
    assert.equal(can.code, 1);
    const get = await asSa(['get', 'pods', '-n', 'dev']);
    assert.notEqual(get.code, 0);
    assert.match(get.stderr, /pods is forbidden: User "system:serviceaccount:dev:deployer" cannot list resource "pods" in API group "" in the namespace "dev"/);
  });

  test('create role and rolebinding grant exactly what they say', async () => {
    assert.equal(await ok(['create', 'role', 'pod-reader', '--verb=get,list,watch', '--resource=pods,pods/log', '-n', 'dev']), 'role.rbac.authorization.k8s.io/pod-reader created');
    assert.equal(
      await ok(['create', 'rolebinding', 'deployer-reads', '--role=pod-reader', '--serviceaccount=dev:deployer', '-n', 'dev']),
      'rolebinding.rbac.authorization.k8s.io/deployer-reads created',
    );
    await eventually(async () => (await asSa(['auth', 'can-i', 'list', 'pods', '-n', 'dev'])).stdout.trim() === 'yes', 15_000, 'can-i list pods');
    const yes = await asSa(['auth', 'can-i', 'get', 'pods/log', '-n', 'dev']);
    assert.deepEqual([yes.code, yes.stdout.trim()], [0, 'yes']);
    for (const args of [
      ['delete', 'pods', '-n', 'dev'],
      ['list', 'pods', '-n', 'default'],
      ['create', 'pods/exec', '-n', 'dev'],
      ['list', 'secrets', '-n', 'dev'],
    ]) {
      const no = await asSa(['auth', 'can-i', ...args]);
      assert.deepEqual([no.code, no.stdout.trim()], [1, 'no'], args.join(' '));
    }
    assert.equal((await asSa(['get', 'pods', '-n', 'dev'])).code, 0);
    const roles = await ok(['get', 'roles', '-n', 'dev']);
    assert.match(roles, /^NAME\s+CREATED AT\n/);
    assert.match(roles, /pod-reader\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
    const bindings = await ok(['get', 'rolebindings', '-n', 'dev', '-o', 'wide']);
    assert.match(bindings, /^NAME\s+ROLE\s+AGE\s+USERS\s+GROUPS\s+SERVICEACCOUNTS\n/);
    assert.match(bindings, /deployer-reads\s+Role\/pod-reader\s+\S+\s+dev\/deployer/);
  });

  test('create clusterrole and clusterrolebinding; can-i --as asks for another user (admins only)', async () => {
    assert.equal(await ok(['create', 'clusterrole', 'node-reader', '--verb=get,list', '--resource=nodes']), 'clusterrole.rbac.authorization.k8s.io/node-reader created');
    assert.equal(
      await ok(['create', 'clusterrolebinding', 'deployer-nodes', '--clusterrole=node-reader', '--serviceaccount=dev:deployer']),
      'clusterrolebinding.rbac.authorization.k8s.io/deployer-nodes created',
    );
    await eventually(async () => (await asSa(['auth', 'can-i', 'list', 'nodes'])).code === 0, 15_000, 'can-i list nodes');
    assert.equal((await asSa(['get', 'nodes'])).code, 0);
    const asOther = await wh.run(['auth', 'can-i', 'list', 'nodes', '--as', 'system:serviceaccount:dev:deployer']);
    assert.deepEqual([asOther.code, asOther.stdout.trim()], [0, 'yes']);
    const asNobody = await wh.run(['auth', 'can-i', 'list', 'nodes', '--as', 'nobody']);
    assert.deepEqual([asNobody.code, asNobody.stdout.trim()], [1, 'no']);
    // The ServiceAccount may not look at others' rights.
    const refused = await asSa(['auth', 'can-i', 'list', 'nodes', '--as', 'nobody']);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /subjectaccessreviews.authorization.k8s.io is forbidden/);
  });

  test('a namespace admin cannot bind cluster-admin to itself (escalation), nor write Roles without rights', async () => {
    const noRights = await asSa(['create', 'role', 'x', '--verb=get', '--resource=pods', '-n', 'dev']);
    assert.notEqual(noRights.code, 0);
    assert.match(noRights.stderr, /roles.rbac.authorization.k8s.io is forbidden: User "system:serviceaccount:dev:deployer" cannot create resource "roles"/);

    await ok(['create', 'rolebinding', 'deployer-admin', '--clusterrole=admin', '--serviceaccount=dev:deployer', '-n', 'dev']);
    await eventually(async () => (await asSa(['auth', 'can-i', 'create', 'rolebindings', '-n', 'dev'])).code === 0, 15_000, 'can-i create rolebindings');
    const escalate = await asSa(['create', 'rolebinding', 'root', '--clusterrole=cluster-admin', '--serviceaccount=dev:deployer', '-n', 'dev']);
    assert.notEqual(escalate.code, 0);
    assert.match(
      escalate.stderr,
      /rolebindings.rbac.authorization.k8s.io "root" is forbidden: user "system:serviceaccount:dev:deployer" .* is attempting to grant RBAC permissions not currently held/,
    );
    // Within its rights it may create roles and bindings.
    const own = await asSa(['create', 'role', 'cm-reader', '--verb=get', '--resource=configmaps', '-n', 'dev']);
    assert.equal(own.code, 0, own.stderr);
  });
});
