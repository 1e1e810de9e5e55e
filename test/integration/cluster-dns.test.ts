import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Resolver } from 'node:dns/promises';
import { connect } from 'node:net';
import dnsPacket from 'dns-packet';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';
import { fakeUpstream, spawnDns, testDnsEndpoint } from '../support/dns.js';
import type { ComponentProcess } from '../support/component.js';

let api: TestApi;
let manager: ReturnType<typeof spawnControllerManager>;
let dns: ComponentProcess;
let upstream: Awaited<ReturnType<typeof fakeUpstream>>;
const endpoint = testDnsEndpoint();
const resolver = new Resolver({ timeout: 2000, tries: 2 });

const stop = async (child: ComponentProcess | undefined) => {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
};

before(async () => {
  api = await startTestApi();
  manager = spawnControllerManager(api.url);
  upstream = await fakeUpstream({ 'www.example.test': '127.99.0.7' });
  dns = await spawnDns(api.url, endpoint, { WHEELHOUSE_DNS_UPSTREAMS: `127.0.0.1:${upstream.port}` });
  resolver.setServers([`${endpoint.address}:${endpoint.port}`]);
});
after(async () => {
  await stop(dns);
  await stop(manager);
  upstream?.socket.close();
  await api?.close();
});

const create = (input: object, namespace = 'default') =>
  api.ok(`mutation($ns: String, $input: ServiceInput!) { createService(namespace: $ns, input: $input) { spec { clusterIP } } }`, { ns: namespace, input });

async function readyPod(name: string, ip: string, labels: Record<string, string>, spec: object = {}) {
  await api.ok(`mutation($input: PodInput!) { createPod(input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name, labels },
      spec: { ...spec, containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], ports: [{ name: 'pg', containerPort: 5432 }] }] },
    },
  });
  await api.ok(`mutation($name: String!, $patch: JSONObject!) { patchPodStatus(name: $name, patch: $patch) { metadata { name } } }`, {
    name,
    patch: { status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: 'True' }] } },
  });
}

const errorCode = (promise: Promise<unknown>) =>
  promise.then(
    () => 'answered',
    (e: { code?: string }) => e.code,
  );

test('kube-dns exists in kube-system with the 10th address of the range, UDP and TCP port 53', async () => {
  const { service } = await api.ok(`{ service(namespace: "kube-system", name: "kube-dns") { spec { clusterIP ports { name port protocol } } } }`);
  assert.equal(service.spec.clusterIP, '127.16.0.10');
  assert.deepEqual(
    service.spec.ports.map((p: { protocol: string; port: number }) => `${p.port}/${p.protocol}`),
    ['53/UDP', '53/TCP'],
  );
  assert.deepEqual(await resolver.resolve4('kube-dns.kube-system.svc.cluster.local'), ['127.16.0.10']);
});

test('the API is the default namespace’s kubernetes Service: the range’s first address, its EndpointSlice the API’s own', async () => {
  assert.deepEqual(await resolver.resolve4('kubernetes.default.svc.cluster.local'), ['127.16.0.1']);
  const { service, endpointSlice } = await api.ok(
    `{ service(name: "kubernetes") { spec { ports { name port targetPort } } } endpointSlice(name: "kubernetes") { endpoints { addresses } ports { port } } }`,
  );
  const apiPort = Number(new URL(api.url).port);
  assert.deepEqual(service.spec.ports, [{ name: 'http', port: 80, targetPort: apiPort }]);
  assert.deepEqual(endpointSlice, { endpoints: [{ addresses: ['127.0.0.1'] }], ports: [{ port: apiPort }] });
});

test('a Service resolves by its full name (A), its named ports by SRV; unknown names are NXDOMAIN, other types NODATA', async () => {
  const { createService } = await create({ metadata: { name: 'redis' }, spec: { selector: { app: 'redis' }, ports: [{ name: 'redis', port: 6379 }] } });
  const ip = createService.spec.clusterIP;
  assert.deepEqual(await eventually(async () => resolver.resolve4('redis.default.svc.cluster.local').catch(() => undefined), 10_000, 'A record'), [ip]);
  assert.deepEqual(await resolver.resolveSrv('_redis._tcp.redis.default.svc.cluster.local'), [{ name: 'redis.default.svc.cluster.local', port: 6379, priority: 0, weight: 100 }]);
  assert.equal(await errorCode(resolver.resolve4('nothere.default.svc.cluster.local')), 'ENOTFOUND');
  assert.equal(await errorCode(resolver.resolve6('redis.default.svc.cluster.local')), 'ENODATA');
  assert.equal(await errorCode(resolver.resolveSrv('_nope._tcp.redis.default.svc.cluster.local')), 'ENOTFOUND');
  // The reverse zone names the Service by its ClusterIP.
  assert.deepEqual(await resolver.reverse(ip), ['redis.default.svc.cluster.local']);
  // A deleted Service stops resolving.
  await api.ok(`mutation { deleteService(name: "redis") { metadata { name } } }`);
  assert.equal(await eventually(async () => (await errorCode(resolver.resolve4('redis.default.svc.cluster.local'))) === 'ENOTFOUND', 10_000, 'NXDOMAIN after delete'), true);
});

test('headless Service: pod A records, hostname/subdomain names, SRV per endpoint; a large answer comes over TCP', async () => {
  await create({ metadata: { name: 'pg' }, spec: { clusterIP: 'None', selector: { app: 'pg' }, ports: [{ name: 'pg', port: 5432, targetPort: 'pg' }] } });
  await readyPod('pg-0', '127.64.20.1', { app: 'pg' }, { hostname: 'pg-0', subdomain: 'pg' });
  await readyPod('pg-1', '127.64.20.2', { app: 'pg' }, { hostname: 'pg-1', subdomain: 'pg' });
  const ips = await eventually(
    async () => {
      const got = await resolver.resolve4('pg.default.svc.cluster.local').catch(() => []);
      return got.length === 2 ? got.sort() : undefined;
    },
    20_000,
    'two pod addresses',
  );
  assert.deepEqual(ips, ['127.64.20.1', '127.64.20.2']);
  assert.deepEqual(await resolver.resolve4('pg-1.pg.default.svc.cluster.local'), ['127.64.20.2']);
  const srv = await resolver.resolveSrv('_pg._tcp.pg.default.svc.cluster.local');
  assert.deepEqual(srv.map((s) => `${s.name}:${s.port}`).sort(), ['pg-0.pg.default.svc.cluster.local:5432', 'pg-1.pg.default.svc.cluster.local:5432']);

  await create({ metadata: { name: 'wide' }, spec: { clusterIP: 'None', selector: { app: 'wide' }, ports: [{ port: 80 }] } });
  const inputs = Array.from({ length: 60 }, (_, i) => ({
    metadata: { name: `wide-${i}`, labels: { app: 'wide' } },
    spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '1'] }] },
  }));
  await api.ok(`mutation($inputs: [PodInput!]!) { createPods(inputs: $inputs) { metadata { name } } }`, { inputs });
  await api.ok(`mutation($items: [ObjectPatch!]!) { patchPodsStatus(items: $items) { metadata { name } } }`, {
    items: inputs.map((p, i) => ({ name: p.metadata.name, patch: { status: { phase: 'Running', podIP: `127.64.21.${i + 1}`, conditions: [{ type: 'Ready', status: 'True' }] } } })),
  });
  // 60 A records (over 512 bytes): the UDP answer is truncated and the resolver asks again over TCP.
  const wide = await eventually(
    async () => {
      const got = await resolver.resolve4('wide.default.svc.cluster.local').catch(() => []);
      return got.length === 60 ? got : undefined;
    },
    20_000,
    '60 addresses',
  );
  assert.equal(new Set(wide).size, 60);
});

test('ExternalName is a CNAME; pod names resolve; other names go to the host resolver', async () => {
  await create({ metadata: { name: 'search' }, spec: { type: 'ExternalName', externalName: 'www.example.test' } });
  assert.deepEqual(await eventually(async () => resolver.resolveCname('search.default.svc.cluster.local').catch(() => undefined), 10_000, 'CNAME'), ['www.example.test']);
  assert.deepEqual(await resolver.resolve4('127-64-3-4.default.pod.cluster.local'), ['127.64.3.4']);
  assert.deepEqual(await resolver.resolve4('www.example.test'), ['127.99.0.7']);
  assert.ok(upstream.queries.includes('www.example.test'), 'forwarded upstream');
  assert.equal(await errorCode(resolver.resolve4('unknown.example.test')), 'ENOTFOUND', "the upstream's NXDOMAIN passes through");
});

test('TCP: length-framed queries on one connection are answered (RFC 1035 4.2.2)', async () => {
  const socket = connect(endpoint.port, endpoint.address);
  await new Promise((r) => socket.once('connect', r));
  const frame = (id: number, name: string) => {
    const body = dnsPacket.encode({ type: 'query', id, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type: 'A', name }] });
    const length = Buffer.alloc(2);
    length.writeUInt16BE(body.length);
    return Buffer.concat([length, body]);
  };
  const answers = new Map<number, { rcode?: string; answers?: { data?: unknown }[] }>();
  let pending = Buffer.alloc(0);
  const done = new Promise<void>((resolve) => {
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const packet = dnsPacket.decode(pending.subarray(2, 2 + pending.readUInt16BE(0)));
        pending = pending.subarray(2 + pending.readUInt16BE(0));
        answers.set(packet.id!, packet as never);
        if (answers.size === 2) resolve();
      }
    });
  });
  // Both queries in one write: the server must split the stream into frames.
  socket.write(Buffer.concat([frame(7, 'kube-dns.kube-system.svc.cluster.local'), frame(8, 'missing.kube-system.svc.cluster.local')]));
  await done;
  socket.destroy();
  assert.deepEqual(
    answers.get(7)?.answers?.map((a) => a.data),
    ['127.16.0.10'],
  );
  assert.equal(answers.get(8)?.rcode, 'NXDOMAIN');
});
