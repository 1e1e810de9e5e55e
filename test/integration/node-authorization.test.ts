// Issue 14 point 3, reproduced: the shared node token was a full admin, and the API sent
// the caller's credential to whatever address a Node declared. Now the node token can only
// be exchanged for one node's credential; a node may write only its own objects; and the
// API calls node agents with its own credential, only on loopback.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { decodeJwt } from 'jose';
import { startTestApi, TEST_TOKEN, type GraphQLResponse, type TestApi } from '../support/api.js';

let api: TestApi;
let nodeToken: string;
let n1: string;
let listener: Server;
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

const code = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.code;
const message = (r: GraphQLResponse) => r.errors?.[0]?.message;

before(async () => {
  api = await startTestApi();
  nodeToken = readFileSync(api.server.nodeTokenFile!, 'utf8').trim();
  listener = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'text/plain' }).end(req.url?.startsWith('/stats') ? '{"nodes":[]}' : 'from the listener\n');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  for (const name of ['n1', 'n2']) await api.ok(`mutation($n: String!) { createNode(input: { metadata: { name: $n } }) { metadata { name } } }`, { n: name });
  await api.ok(
    `mutation { createPod(namespace: "default", input: { metadata: { name: "on-n1" }, spec: { nodeName: "n1", containers: [{ name: "c", image: "busybox" }] } }) { metadata { name } } }`,
  );
  await api.ok(
    `mutation { createPod(namespace: "default", input: { metadata: { name: "on-n2" }, spec: { nodeName: "n2", containers: [{ name: "c", image: "busybox" }] } }) { metadata { name } } }`,
  );
});
after(async () => {
  await new Promise((resolve) => listener?.close(resolve));
  await api?.close();
});

describe('issue 14 point 3: the node token and node credentials', () => {
  test('the shared node token can no longer delete a namespace, create pods in kube-system or patch Nodes', async () => {
    const del = await api.gql(`mutation { deleteNamespace(name: "default") { metadata { name } } }`, undefined, nodeToken);
    assert.equal(code(del), 'FORBIDDEN');
    assert.equal(message(del), 'namespaces "default" is forbidden: User "node" cannot delete resource "namespaces" in API group "" at the cluster scope');
    const pod = await api.gql(
      `mutation { createPod(namespace: "kube-system", input: { metadata: { name: "evil" }, spec: { containers: [{ name: "c", image: "busybox" }] } }) { metadata { name } } }`,
      undefined,
      nodeToken,
    );
    assert.equal(code(pod), 'FORBIDDEN');
    const patch = await api.gql(
      `mutation { patchNodeStatus(name: "n2", patch: { status: { addresses: [{ type: "InternalIP", address: "127.0.0.1" }] } }) { metadata { name } } }`,
      undefined,
      nodeToken,
    );
    assert.equal(code(patch), 'FORBIDDEN');
    const secrets = await api.gql(`{ secrets { items { metadata { name } } } }`, undefined, nodeToken);
    assert.equal(code(secrets), 'FORBIDDEN');
    // The namespace is still there.
    assert.ok((await api.ok<{ namespace: unknown }>(`{ namespace(name: "default") { metadata { name } } }`)).namespace);
  });

  test('the node token is exchanged for one node’s credential, system:node:NAME', async () => {
    const res = await api.gql<{ nodeCredential: { username: string; token: string } }>(`mutation { nodeCredential(nodeName: "n1") { username token } }`, undefined, nodeToken);
    assert.equal(res.errors, undefined);
    assert.equal(res.data!.nodeCredential.username, 'system:node:n1');
    n1 = res.data!.nodeCredential.token;
    assert.equal(decodeJwt(n1).sub, 'system:node:n1');
    // A node's credential cannot mint others.
    assert.equal(code(await api.gql(`mutation { nodeCredential(nodeName: "n2") { token } }`, undefined, n1)), 'FORBIDDEN');
  });

  test('a node writes only its own Node, its own Lease and the status of pods bound to it', async () => {
    const as = (query: string) => api.gql(query, undefined, n1);
    assert.equal((await as(`mutation { patchNodeStatus(name: "n1", patch: { status: { capacity: { pods: "10" } } }) { metadata { name } } }`)).errors, undefined);
    const other = await as(`mutation { patchNodeStatus(name: "n2", patch: { status: { capacity: { pods: "10" } } }) { metadata { name } } }`);
    assert.equal(code(other), 'FORBIDDEN');
    assert.equal(message(other), 'node "n1" is not allowed to modify node "n2"');
    assert.equal(code(await as(`mutation { createNode(input: { metadata: { name: "n3" } }) { metadata { name } } }`)), 'FORBIDDEN');
    assert.equal(code(await as(`mutation { deleteNode(name: "n2") { metadata { name } } }`)), 'FORBIDDEN');

    assert.equal(
      (await as(`mutation { createLease(namespace: "kube-node-lease", input: { metadata: { name: "n1" }, spec: { holderIdentity: "n1" } }) { metadata { name } } }`)).errors,
      undefined,
    );
    const lease = await as(`mutation { createLease(namespace: "kube-node-lease", input: { metadata: { name: "n2" }, spec: { holderIdentity: "n1" } }) { metadata { name } } }`);
    assert.equal(message(lease), 'node "n1" can only access node lease with the same name as the requesting node');
    assert.equal(code(await as(`mutation { createLease(namespace: "kube-system", input: { metadata: { name: "kube-scheduler" } }) { metadata { name } } }`)), 'FORBIDDEN');

    assert.equal((await as(`mutation { patchPodStatus(namespace: "default", name: "on-n1", patch: { status: { phase: "Running" } }) { metadata { name } } }`)).errors, undefined);
    const foreign = await as(`mutation { patchPodStatus(namespace: "default", name: "on-n2", patch: { status: { phase: "Failed" } }) { metadata { name } } }`);
    assert.equal(message(foreign), 'node "n1" can only update pod status for pods with spec.nodeName set to itself');
    const batch = await as(
      `mutation { patchPodsStatus(items: [{ namespace: "default", name: "on-n1", patch: { status: { phase: "Running" } } }, { namespace: "default", name: "on-n2", patch: { status: { phase: "Failed" } } }]) { metadata { name } } }`,
    );
    assert.equal(code(batch), 'FORBIDDEN', 'one foreign pod refuses the batch');
    assert.equal(code(await as(`mutation { deletePod(namespace: "default", name: "on-n2") { metadata { name } } }`)), 'FORBIDDEN');
    assert.equal(code(await as(`mutation { deleteNamespace(name: "default") { metadata { name } } }`)), 'FORBIDDEN');
    assert.equal(
      code(
        await as(
          `mutation { createPod(namespace: "kube-system", input: { metadata: { name: "evil" }, spec: { containers: [{ name: "c", image: "busybox" }] } }) { metadata { name } } }`,
        ),
      ),
      'FORBIDDEN',
    );
    // Tokens: only bound to a pod the node runs (as that pod's ServiceAccount).
    await api.ok(`mutation { createServiceAccount(namespace: "default", input: { metadata: { name: "default" } }) { metadata { name } } }`);
    const token = (pod?: string) =>
      api.gql(`mutation($pod: String) { createToken(namespace: "default", serviceAccountName: "default", boundPodName: $pod) { status { token } } }`, { pod }, n1);
    assert.equal(message(await token()), 'node "n1" can only create tokens bound to pods');
    assert.equal(message(await token('on-n2')), 'node "n1" can only create tokens for pods with spec.nodeName set to itself');
    assert.equal((await token('on-n1')).errors, undefined);
    // Reading what a kubelet needs still works.
    assert.equal((await as(`{ pods(fieldSelector: "spec.nodeName=n1") { items { metadata { name } } } }`)).errors, undefined);
  });

  test('a Node pointing its address away from loopback gets no request, and the admin’s token never leaves the API', async () => {
    const port = (listener.address() as { port: number }).port;
    const point = (address: string) =>
      api.gql(
        `mutation($s: JSONObject!) { patchNodeStatus(name: "n1", patch: $s) { metadata { name } } }`,
        { s: { status: { addresses: [{ type: 'InternalIP', address }], daemonEndpoints: { kubeletEndpoint: { Port: port } } } } },
        n1,
      );
    // TEST-NET-1: never contacted, the API refuses the address before connecting.
    assert.equal((await point('192.0.2.1')).errors, undefined);
    const logs = await api.gql(`{ podLogs(namespace: "default", name: "on-n1") }`);
    assert.equal(code(logs), 'UNAVAILABLE');
    assert.match(message(logs) ?? '', /loopback/);
    assert.deepEqual((await api.ok<{ nodeMetrics: unknown[] }>(`{ nodeMetrics(name: "n1") { timestamp } }`)).nodeMetrics, []);
    assert.equal(seen.length, 0);

    // On loopback the API does call, with its own credential: not the admin's token.
    assert.equal((await point('127.0.0.1')).errors, undefined);
    await api.ok(`{ podLogs(namespace: "default", name: "on-n1") }`);
    await api.ok(`{ nodeMetrics(name: "n1") { timestamp } }`);
    assert.ok(seen.length >= 2, `the listener saw ${seen.length} requests`);
    for (const request of seen) {
      assert.notEqual(request.headers.authorization, `Bearer ${TEST_TOKEN}`);
      const presented = request.headers.authorization!.replace(/^Bearer /, '');
      assert.equal(decodeJwt(presented).sub, 'kube-apiserver-kubelet-client');
      // What a listener learns is worth little: it may only talk to node agents.
      const stolen = await api.gql(`mutation { deleteNamespace(name: "default") { metadata { name } } }`, undefined, presented);
      assert.equal(code(stolen), 'FORBIDDEN');
    }
  });
});
