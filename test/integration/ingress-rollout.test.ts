// A steady GET loop through the real ingress controller while (1) the Ingress is changed
// again and again and (2) its Service's endpoints are rolled from old to new echo processes
// (started by the test, not by a Deployment) the way a rolling update moves them: new
// endpoints become ready, old ones leave the slice, then their processes stop. No request may fail.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import type { ComponentProcess } from '../support/component.js';
import { eventually } from '../support/controller-manager.js';
import { spawnIngressController, startEchoBackend, stopEcho, viaIngress, type EchoBackend } from '../support/ingress.js';

const ns = `roll-${Math.random().toString(36).slice(2, 8)}`;
let api: TestApi;
let controller: { child: ComponentProcess; httpPort: number };
const backends: EchoBackend[] = [];

const path = (p: string) => ({ path: p, pathType: 'Prefix', backend: { service: { name: 'app', port: { number: 8080 } } } });

before(async () => {
  api = await startTestApi();
  controller = await spawnIngressController(api.url);
  await api.ok(`mutation($input: NamespaceInput!) { createNamespace(input: $input) { metadata { name } } }`, { input: { metadata: { name: ns } } });
  backends.push(await startEchoBackend(api, ns, 'app', 2));
  await api.ok(`mutation($ns: String, $input: IngressInput!) { createIngress(namespace: $ns, input: $input) { metadata { name } } }`, {
    ns,
    input: { metadata: { name: 'app' }, spec: { rules: [{ host: 'app.test', http: { paths: [path('/')] } }] } },
  });
  await eventually(async () => (await viaIngress(controller.httpPort, 'http://app.test/')).status === 200, 20_000, 'route ready');
});
after(async () => {
  stopEcho(backends);
  controller?.child.kill('SIGTERM');
  await api?.close();
});

test('no request fails while the Ingress changes and the endpoints roll from old to new processes', async () => {
  let stop = false;
  let ok = 0;
  const failures: string[] = [];
  const pods = new Set<string>();
  const loop = (async () => {
    while (!stop) {
      try {
        const r = await viaIngress(controller.httpPort, 'http://app.test/steady');
        if (r.status === 200) {
          ok++;
          pods.add(r.json?.pod ?? '');
        } else failures.push(`${r.status} ${r.body}`);
      } catch (error) {
        failures.push(String(error));
      }
    }
  })();
  // 1. Config churn: paths added and removed on the same host.
  for (let i = 0; i < 10; i++) {
    await api.ok(`mutation($ns: String, $patch: JSONObject!) { patchIngress(namespace: $ns, name: "app", patch: $patch) { metadata { name } } }`, {
      ns,
      patch: { spec: { rules: [{ host: 'app.test', http: { paths: [path('/'), path(`/extra-${i}`)] } }] } },
    });
  }
  // 2. Roll: new processes join the slice, the old ones leave it, then stop.
  const old = backends[0]!;
  const fresh = await startEchoBackend(api, ns, 'app-v2', 2);
  backends.push(fresh);
  const slice = (addresses: string[]) => ({ endpoints: addresses.map((a) => ({ addresses: [a], conditions: { ready: true } })) });
  const patchSlice = (patch: object) =>
    api.ok(`mutation($ns: String, $patch: JSONObject!) { patchEndpointSlice(namespace: $ns, name: "app-1", patch: $patch) { metadata { name } } }`, { ns, patch });
  await patchSlice(slice([...old.addresses, ...fresh.addresses]));
  await new Promise((r) => setTimeout(r, 500));
  await patchSlice(slice(fresh.addresses));
  await new Promise((r) => setTimeout(r, 500));
  for (const c of old.children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  stop = true;
  await loop;
  assert.deepEqual(failures, []);
  assert.ok(ok > 50, `the loop kept going (${ok} requests)`);
  assert.ok(pods.has('app-v2-0') || pods.has('app-v2-1'), `new endpoints served (${[...pods]})`);
  const after = await viaIngress(controller.httpPort, 'http://app.test/');
  assert.match(after.json?.pod ?? '', /^app-v2-/);
});
