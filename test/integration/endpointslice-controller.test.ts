import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';

let api: TestApi;
let manager: ReturnType<typeof spawnControllerManager>;
before(async () => {
  api = await startTestApi();
  manager = spawnControllerManager(api.url);
});
after(async () => {
  if (manager && manager.exitCode === null) {
    const exited = new Promise((r) => manager.once('exit', r));
    manager.kill('SIGTERM');
    await exited;
  }
  await api?.close();
});

const SLICES = `query($s: String) { endpointSlices(namespace: "default", labelSelector: $s) { items { metadata { name labels ownerReferences { kind name controller } } addressType ports { name port protocol } endpoints { addresses conditions { ready serving terminating } hostname targetRef { name } } } } }`;
const ENDPOINTS = `query($n: String!) { endpoints(namespace: "default", name: $n) { metadata { labels } subsets { addresses { ip targetRef { name } } notReadyAddresses { ip } ports { name port protocol } } } }`;
const STATUS = `mutation($name: String!, $patch: JSONObject!) { patchPodStatus(name: $name, patch: $patch) { metadata { name } } }`;

type Slice = {
  metadata: { name: string; labels: Record<string, string> };
  ports: { name: string; port: number }[];
  endpoints: { addresses: string[]; conditions: { ready: boolean; serving: boolean; terminating: boolean }; hostname?: string; targetRef: { name: string } }[];
};

const slicesOf = async (service: string) => (await api.ok(SLICES, { s: `kubernetes.io/service-name=${service}` })).endpointSlices.items as Slice[];
const endpointsOf = (slices: Slice[]) => slices.flatMap((s) => s.endpoints.map((e) => ({ ip: e.addresses[0], ...e.conditions, port: s.ports[0]?.port })));

async function createPod(name: string, ip: string, containerPort: number, extra: { finalizers?: string[]; hostname?: string; subdomain?: string } = {}) {
  await api.ok(`mutation($input: PodInput!) { createPod(input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name, labels: { app: 'web' }, finalizers: extra.finalizers },
      spec: {
        hostname: extra.hostname,
        subdomain: extra.subdomain,
        containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], ports: [{ name: 'http', containerPort }] }],
      },
    },
  });
  await setReady(name, ip, true);
}

const setReady = (name: string, ip: string, ready: boolean) =>
  api.ok(STATUS, { name, patch: { status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } } });

test('EndpointSlice and Endpoints follow pods: named targetPort per pod, readiness within a second, terminating endpoints', async () => {
  await api.ok(`mutation($input: ServiceInput!) { createService(input: $input) { metadata { name } } }`, {
    input: { metadata: { name: 'web', labels: { tier: 'front' } }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } },
  });
  const placeholder = await eventually(async () => (await slicesOf('web')).find((s) => s.endpoints.length === 0), 20_000, 'placeholder slice');
  assert.equal(placeholder.metadata.labels['endpointslice.kubernetes.io/managed-by'], 'endpointslice-controller.k8s.io');
  assert.equal(placeholder.metadata.labels.tier, 'front');

  await createPod('web-1', '127.64.9.1', 8080, { finalizers: ['example.com/hold'] });
  await createPod('web-2', '127.64.9.2', 8080);
  await createPod('web-3', '127.64.9.3', 9090);
  const all = await eventually(
    async () => {
      const eps = endpointsOf(await slicesOf('web'));
      return eps.length === 3 && eps.every((e) => e.ready) ? eps : undefined;
    },
    20_000,
    'three ready endpoints',
  );
  assert.deepEqual(all.map((e) => `${e.ip}:${e.port}`).sort(), ['127.64.9.1:8080', '127.64.9.2:8080', '127.64.9.3:9090'], 'the named port resolved per pod');
  const slices = await slicesOf('web');
  assert.equal(slices.length, 2, 'one slice per port set; the placeholder is gone');

  const endpoints = await eventually(
    async () => {
      const e = (await api.ok(ENDPOINTS, { n: 'web' })).endpoints;
      return e?.subsets?.length === 2 ? e : undefined;
    },
    20_000,
    'Endpoints with two subsets',
  );
  assert.deepEqual(endpoints.subsets.map((s: { addresses: { ip: string }[]; ports: { port: number }[] }) => [s.addresses.map((a) => a.ip), s.ports[0]!.port]).sort(), [
    [['127.64.9.1', '127.64.9.2'], 8080],
    [['127.64.9.3'], 9090],
  ]);

  // Readiness lost: the endpoint turns not ready (EndpointSlice) and moves to notReadyAddresses (Endpoints).
  const started = performance.now();
  await setReady('web-2', '127.64.9.2', false);
  await eventually(async () => endpointsOf(await slicesOf('web')).some((e) => e.ip === '127.64.9.2' && !e.ready && !e.serving && !e.terminating), 10_000, 'web-2 not ready');
  const latencyMs = performance.now() - started;
  console.log(`readiness change → EndpointSlice updated in ${latencyMs.toFixed(0)} ms (poll every 200 ms)`);
  await eventually(
    async () => {
      const e = (await api.ok(ENDPOINTS, { n: 'web' })).endpoints;
      return e.subsets.some((s: { notReadyAddresses?: { ip: string }[] }) => s.notReadyAddresses?.some((a) => a.ip === '127.64.9.2'));
    },
    10_000,
    'web-2 in notReadyAddresses',
  );

  // Deletion: a pod held by a finalizer stays terminating; its endpoint stays, terminating and serving, not ready; Endpoints drops it.
  await api.ok(`mutation { deletePod(name: "web-1") { metadata { name } } }`);
  await eventually(async () => endpointsOf(await slicesOf('web')).some((e) => e.ip === '127.64.9.1' && e.terminating && e.serving && !e.ready), 10_000, 'web-1 terminating');
  await eventually(
    async () => {
      const e = (await api.ok(ENDPOINTS, { n: 'web' })).endpoints;
      return !JSON.stringify(e.subsets).includes('127.64.9.1');
    },
    10_000,
    'web-1 out of Endpoints',
  );
  await api.ok(`mutation { patchPod(name: "web-1", patch: { metadata: { finalizers: [] } }) { metadata { name } } }`);
  await eventually(async () => !endpointsOf(await slicesOf('web')).some((e) => e.ip === '127.64.9.1'), 10_000, 'web-1 gone');

  // The Service goes: its slices (owned) and Endpoints go with it.
  await api.ok(`mutation { deleteService(name: "web") { metadata { name } } }`);
  await eventually(async () => (await slicesOf('web')).length === 0, 20_000, 'slices deleted');
  await eventually(async () => (await api.ok(ENDPOINTS, { n: 'web' })).endpoints === null, 20_000, 'Endpoints deleted');
});

test('more than 100 endpoints are spread over slices of at most 100', async () => {
  await api.ok(`mutation($input: ServiceInput!) { createService(input: $input) { metadata { name } } }`, {
    input: { metadata: { name: 'many' }, spec: { selector: { app: 'many' }, ports: [{ port: 80 }] } },
  });
  const inputs = Array.from({ length: 230 }, (_, i) => ({
    metadata: { name: `many-${i}`, labels: { app: 'many' } },
    spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }] },
  }));
  await api.ok(`mutation($inputs: [PodInput!]!) { createPods(inputs: $inputs) { metadata { name } } }`, { inputs });
  const items = inputs.map((p, i) => ({
    name: p.metadata.name,
    patch: { status: { phase: 'Running', podIP: `127.64.${10 + Math.floor(i / 200)}.${(i % 200) + 1}`, conditions: [{ type: 'Ready', status: 'True' }] } },
  }));
  await api.ok(`mutation($items: [ObjectPatch!]!) { patchPodsStatus(items: $items) { metadata { name } } }`, { items });
  const slices = await eventually(
    async () => {
      const s = await slicesOf('many');
      return endpointsOf(s).length === 230 ? s : undefined;
    },
    30_000,
    '230 endpoints',
  );
  assert.ok(
    slices.every((s) => s.endpoints.length <= 100),
    slices.map((s) => s.endpoints.length).join(','),
  );
  // At least 3; more when the pods' updates reach the controller in several batches (as upstream, slices are not repacked).
  assert.ok(slices.length >= 3, `${slices.length} slices`);
  assert.equal(new Set(endpointsOf(slices).map((e) => e.ip)).size, 230);
});
