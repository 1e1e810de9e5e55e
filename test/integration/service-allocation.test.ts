import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNodePortRange, parseServiceCidr, repairServiceAllocations, type AllocationRanges } from '@wheelhouse/db';
import { startTestApi, type TestApi } from '../support/api.js';

const CREATE = `mutation($input: ServiceInput!) { createService(input: $input) { metadata { name } spec { type clusterIP clusterIPs ipFamilies ipFamilyPolicy ports { name protocol port targetPort nodePort } } } }`;
const PATCH = `mutation($name: String!, $patch: JSONObject!) { patchService(name: $name, patch: $patch) { spec { type clusterIP clusterIPs ports { name port nodePort } } } }`;
const REPLACE = `mutation($name: String!, $input: ServiceInput!) { replaceService(name: $name, input: $input) { spec { clusterIP ports { name port nodePort } } } }`;
const DELETE = `mutation($name: String!) { deleteService(name: $name) { metadata { name } } }`;

const svc = (name: string, spec: Record<string, unknown> = {}) => ({ metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec } });

let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => api?.close());

const ipNumber = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
const inDefaultRange = (ip: string) => ipNumber(ip) >= ipNumber('127.16.0.1') && ipNumber(ip) <= ipNumber('127.31.255.254');

async function allocations(a: TestApi) {
  const ips = await a.server.db.$queryRawUnsafe<{ ip: string; name: string }[]>(`SELECT host("ip") AS "ip", "name" FROM "service_ip_allocations" ORDER BY 1`);
  const ports = await a.server.db.$queryRawUnsafe<{ port: number; name: string }[]>(`SELECT "port", "name" FROM "service_node_port_allocations" ORDER BY 1`);
  return { ips, ports };
}

test('a ClusterIP Service gets an address from the service range, above the static band, single-stack IPv4', async () => {
  const { createService: s } = await api.ok(CREATE, { input: svc('web') });
  assert.ok(inDefaultRange(s.spec.clusterIP), s.spec.clusterIP);
  assert.ok(ipNumber(s.spec.clusterIP) > ipNumber('127.16.1.0'), `dynamic band: ${s.spec.clusterIP}`);
  assert.deepEqual(s.spec.clusterIPs, [s.spec.clusterIP]);
  assert.deepEqual(s.spec.ipFamilies, ['IPv4']);
  assert.equal(s.spec.ipFamilyPolicy, 'SingleStack');
  assert.deepEqual(s.spec.ports, [{ name: null, protocol: 'TCP', port: 80, targetPort: 80, nodePort: null }]);
  const { ips } = await allocations(api);
  assert.ok(ips.some((r) => r.ip === s.spec.clusterIP && r.name === 'web'));
});

test('a requested clusterIP is honoured; the same one again is refused with Kubernetes message; out of range is refused', async () => {
  const { createService: s } = await api.ok(CREATE, { input: svc('dns-like', { clusterIP: '127.16.0.10' }) });
  assert.equal(s.spec.clusterIP, '127.16.0.10');
  const taken = await api.gql(CREATE, { input: svc('dns-again', { clusterIP: '127.16.0.10' }) });
  assert.equal(taken.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.equal(taken.errors?.[0]?.extensions?.field, 'spec.clusterIPs');
  assert.equal(
    taken.errors?.[0]?.message,
    'Service "dns-again" is invalid: spec.clusterIPs: Invalid value: ["127.16.0.10"]: failed to allocate IP 127.16.0.10: provided IP is already allocated',
  );
  const outside = await api.gql(CREATE, { input: svc('outside', { clusterIP: '10.0.0.1' }) });
  assert.equal(
    outside.errors?.[0]?.message,
    'Service "outside" is invalid: spec.clusterIPs: Invalid value: ["10.0.0.1"]: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 127.16.0.0/12',
  );
  const v6 = await api.gql(CREATE, { input: svc('six', { ipFamilies: ['IPv6'] }) });
  assert.equal(v6.errors?.[0]?.message, 'Service "six" is invalid: spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster');
  const dual = await api.gql(CREATE, { input: svc('dual', { ipFamilyPolicy: 'RequireDualStack' }) });
  assert.equal(dual.errors?.[0]?.extensions?.field, 'spec.ipFamilyPolicy');
  assert.equal(await api.ok(`{ service(name: "dns-again") { metadata { name } } }`).then((d) => d.service), null, 'nothing written');
});

test('deleting a Service releases its address and NodePorts', async () => {
  await api.ok(CREATE, { input: svc('temp', { clusterIP: '127.16.0.20', type: 'NodePort', ports: [{ port: 80, nodePort: 30020 }] }) });
  await api.ok(DELETE, { name: 'temp' });
  const { ips, ports } = await allocations(api);
  assert.ok(!ips.some((r) => r.ip === '127.16.0.20'));
  assert.ok(!ports.some((r) => r.port === 30020));
  const { createService: again } = await api.ok(CREATE, { input: svc('temp2', { clusterIP: '127.16.0.20', type: 'NodePort', ports: [{ port: 80, nodePort: 30020 }] }) });
  assert.equal(again.spec.clusterIP, '127.16.0.20');
  assert.equal(again.spec.ports[0].nodePort, 30020);
});

test('NodePort: allocated in 30000-32767, TCP and UDP of one port number share it, requested ones honoured or refused', async () => {
  const { createService: s } = await api.ok(CREATE, {
    input: svc('np', {
      type: 'NodePort',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'http', port: 80 },
      ],
    }),
  });
  const [udp, tcp, http] = s.spec.ports.map((p: { nodePort: number }) => p.nodePort);
  for (const p of [udp, tcp, http]) assert.ok(p >= 30000 && p <= 32767, String(p));
  assert.equal(udp, tcp, 'one NodePort for 53/UDP and 53/TCP');
  assert.notEqual(udp, http);
  const taken = await api.gql(CREATE, { input: svc('np2', { type: 'NodePort', ports: [{ port: 80, nodePort: http }] }) });
  assert.equal(taken.errors?.[0]?.message, `Service "np2" is invalid: spec.ports[0].nodePort: Invalid value: ${http}: provided port is already allocated`);
  assert.equal(taken.errors?.[0]?.extensions?.field, 'spec.ports[0].nodePort');
  const low = await api.gql(CREATE, { input: svc('np3', { type: 'NodePort', ports: [{ port: 80, nodePort: 8080 }] }) });
  assert.equal(
    low.errors?.[0]?.message,
    'Service "np3" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
  );
  const lb = await api.ok(CREATE, { input: svc('lb', { type: 'LoadBalancer' }) });
  assert.ok(lb.createService.spec.ports[0].nodePort >= 30000, 'a LoadBalancer gets NodePorts without a cloud');
  const status = await api.ok(`{ service(name: "lb") { status { loadBalancer { ingress { ip } } } } }`);
  assert.deepEqual(status.service.status.loadBalancer ?? {}, {}, 'no cloud: the load balancer stays pending');
});

test('clusterIP is immutable; a replace that leaves allocated values out keeps them; type changes allocate and release', async () => {
  const { createService: s } = await api.ok(CREATE, { input: svc('mut') });
  const changed = await api.gql(PATCH, { name: 'mut', patch: { spec: { clusterIP: '127.16.0.99', clusterIPs: ['127.16.0.99'] } } });
  assert.equal(changed.errors?.[0]?.message, 'Service "mut" is invalid: spec.clusterIP: Invalid value: "127.16.0.99": field is immutable');
  const replaced = await api.ok(REPLACE, { name: 'mut', input: svc('mut', { ports: [{ port: 81 }] }) });
  assert.equal(replaced.replaceService.spec.clusterIP, s.spec.clusterIP, 'kept on replace');
  const toNodePort = await api.ok(PATCH, { name: 'mut', patch: { spec: { type: 'NodePort' } } });
  const nodePort = toNodePort.patchService.spec.ports[0].nodePort;
  assert.ok(nodePort >= 30000);
  const kept = await api.ok(REPLACE, { name: 'mut', input: svc('mut', { type: 'NodePort', ports: [{ port: 81 }] }) });
  assert.equal(kept.replaceService.spec.ports[0].nodePort, nodePort, 'NodePort kept on replace');
  const back = await api.ok(PATCH, { name: 'mut', patch: { spec: { type: 'ClusterIP' } } });
  assert.equal(back.patchService.spec.ports[0].nodePort, null, 'dropped with the type');
  assert.ok(!(await allocations(api)).ports.some((r) => r.port === nodePort), 'released');
  const external = await api.ok(PATCH, { name: 'mut', patch: { spec: { type: 'ExternalName', externalName: 'example.com' } } });
  assert.equal(external.patchService.spec.clusterIP, null, 'ExternalName holds no address');
  assert.ok(!(await allocations(api)).ips.some((r) => r.ip === s.spec.clusterIP), 'address released');
  const again = await api.ok(PATCH, { name: 'mut', patch: { spec: { type: 'ClusterIP', externalName: null } } });
  assert.ok(inDefaultRange(again.patchService.spec.clusterIP), 'a new address when it becomes ClusterIP again');
});

test('headless and ExternalName Services hold no address', async () => {
  const { createService: h } = await api.ok(CREATE, { input: svc('headless', { clusterIP: 'None' }) });
  assert.equal(h.spec.clusterIP, 'None');
  const { createService: e } = await api.ok(CREATE, { input: { metadata: { name: 'ext' }, spec: { type: 'ExternalName', externalName: 'db.example.com' } } });
  assert.equal(e.spec.clusterIP, null);
  const { ips } = await allocations(api);
  assert.ok(!ips.some((r) => r.name === 'headless' || r.name === 'ext'));
});

test('many concurrent creates never share an IP or NodePort, fill the range exactly, and the next one is told the range is full', async () => {
  const ranges: AllocationRanges = { ips: parseServiceCidr('127.16.0.0/24'), nodePorts: parseNodePortRange('30000-30299') };
  const small = await startTestApi({ serviceRanges: ranges });
  try {
    // Every usable address of the /24 but the first, which the API gave the default namespace's kubernetes Service.
    const n = 253;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        small.gql<{ createService: { spec: { clusterIP: string; ports: { nodePort: number | null }[] } } }>(CREATE, {
          input: svc(`s${i}`, { type: i < 150 ? 'NodePort' : 'ClusterIP', ports: [{ port: 80 }, { port: 443, name: 'https' }].map((p, j) => ({ ...p, name: p.name ?? `p${j}` })) }),
        }),
      ),
    );
    const errors = results.flatMap((r) => r.errors?.map((e) => e.message) ?? []);
    assert.deepEqual(errors, []);
    const ips = results.map((r) => r.data!.createService.spec.clusterIP);
    assert.equal(new Set(ips).size, n, 'distinct addresses');
    const ports = results.flatMap((r) => r.data!.createService.spec.ports.map((p) => p.nodePort).filter(Boolean));
    assert.equal(ports.length, 300);
    assert.equal(new Set(ports).size, 300, 'distinct NodePorts, the whole port range');
    assert.ok(!ips.includes('127.16.0.1'), 'the kubernetes Service keeps its address');
    const table = await allocations(small);
    assert.equal(table.ips.length, n + 1, 'and its allocation');
    assert.equal(table.ports.length, 300);
    const full = await small.gql(CREATE, { input: svc('one-too-many') });
    assert.equal(full.errors?.[0]?.message, 'failed to allocate a serviceIP: range is full');
    const noPort = await small.gql(CREATE, { input: svc('no-port', { type: 'NodePort', clusterIP: 'None' }) });
    assert.ok(noPort.errors?.length, 'refused');
  } finally {
    await small.close();
  }
});

test('the repair pass releases leaked allocations, re-registers missing ones and reports duplicates and out-of-range values as events', async () => {
  const ranges: AllocationRanges = { ips: parseServiceCidr('127.16.0.0/12'), nodePorts: parseNodePortRange('30000-32767') };
  await api.ok(CREATE, { input: svc('rep-a', { clusterIP: '127.16.0.30', type: 'NodePort', ports: [{ port: 80, nodePort: 30030 }] }) });
  await api.ok(CREATE, { input: svc('rep-b', { clusterIP: '127.16.0.31' }) });
  const db = api.server.db;
  // The state a crash of a non-transactional allocator (or a restore of one table) leaves:
  // a leaked address and port, a missing allocation, and two Services on one address.
  await db.$executeRawUnsafe(`INSERT INTO "service_ip_allocations" ("ip", "serviceUid", "namespace", "name") VALUES ('127.16.0.40', gen_random_uuid(), 'default', 'gone')`);
  await db.$executeRawUnsafe(`INSERT INTO "service_node_port_allocations" ("port", "serviceUid", "namespace", "name") VALUES (30040, gen_random_uuid(), 'default', 'gone')`);
  await db.$executeRawUnsafe(`DELETE FROM "service_node_port_allocations" WHERE "port" = 30030`);
  await db.$transaction([
    db.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
    db.$executeRawUnsafe(`UPDATE "services" SET "spec" = jsonb_set(jsonb_set("spec", '{clusterIP}', '"127.16.0.30"'), '{clusterIPs}', '["127.16.0.30"]') WHERE "name" = 'rep-b'`),
  ]);
  const report = await repairServiceAllocations(api.server.store, ranges);
  assert.deepEqual(report.released.map((r) => r.value).sort(), ['127.16.0.40', '30040', '127.16.0.31'].sort());
  const reasons = report.findings.map((f) => `${f.name} ${f.reason} ${f.message}`).sort();
  assert.deepEqual(reasons, [
    'rep-a PortNotAllocated Port 30030 is not allocated; repairing',
    'rep-b ClusterIPAlreadyAllocated Cluster IP [IPv4]:127.16.0.30 was assigned to multiple services; please recreate service',
  ]);
  const { ips, ports } = await allocations(api);
  assert.ok(!ips.some((r) => r.ip === '127.16.0.40'));
  assert.ok(ports.some((r) => r.port === 30030 && r.name === 'rep-a'));
  assert.ok(!ports.some((r) => r.port === 30040));
  const all = await api.ok(`{ events(namespace: "default") { items { reason type message involvedObject { name } } } }`);
  assert.ok(
    all.events.items.some(
      (e: { reason: string; type: string; involvedObject: { name: string } }) =>
        e.reason === 'ClusterIPAlreadyAllocated' && e.involvedObject.name === 'rep-b' && e.type === 'Warning',
    ),
    'a Warning event on the Service',
  );
  const second = await repairServiceAllocations(api.server.store, ranges);
  assert.deepEqual(second.released, [], 'a second pass releases nothing');
  assert.deepEqual(
    second.findings.map((f) => f.reason),
    ['ClusterIPAlreadyAllocated'],
    'the duplicate stays reported until a Service is recreated',
  );
});

test('applying a Service manifest twice leaves it unchanged: the allocated address is kept', async () => {
  const manifest = `apiVersion: v1
kind: Service
metadata:
  name: applied
spec:
  type: NodePort
  selector: { app: applied }
  ports:
  - port: 80
    targetPort: 8080
`;
  const APPLY = `mutation($m: String!) { apply(manifest: $m) { objects { name action } } }`;
  assert.deepEqual((await api.ok(APPLY, { m: manifest })).apply.objects, [{ name: 'applied', action: 'created' }]);
  const before = await api.ok(`{ service(name: "applied") { spec { clusterIP ports { nodePort } } } }`);
  assert.deepEqual((await api.ok(APPLY, { m: manifest })).apply.objects, [{ name: 'applied', action: 'unchanged' }]);
  const changed = manifest.replace('targetPort: 8080', 'targetPort: 9090');
  assert.deepEqual((await api.ok(APPLY, { m: changed })).apply.objects, [{ name: 'applied', action: 'configured' }]);
  const after = await api.ok(`{ service(name: "applied") { spec { clusterIP ports { nodePort targetPort } } } }`);
  assert.equal(after.service.spec.clusterIP, before.service.spec.clusterIP);
  assert.equal(after.service.spec.ports[0].nodePort, before.service.spec.ports[0].nodePort);
  assert.equal(after.service.spec.ports[0].targetPort, 9090);
});
