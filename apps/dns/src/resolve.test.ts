import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClusterView, DnsService, DnsSlice } from './cluster-view.js';
import { resolve } from './resolve.js';

const services: Record<string, DnsService> = {
  'default/web': {
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      type: 'ClusterIP',
      clusterIP: '127.16.5.1',
      ports: [
        { name: 'http', protocol: 'TCP', port: 80 },
        { name: 'dns', protocol: 'UDP', port: 53 },
      ],
    },
  },
  'default/db': { metadata: { name: 'db', namespace: 'default' }, spec: { type: 'ClusterIP', clusterIP: 'None', ports: [{ name: 'pg', protocol: 'TCP', port: 5432 }] } },
  'default/ext': { metadata: { name: 'ext', namespace: 'default' }, spec: { type: 'ExternalName', externalName: 'web.default.svc.cluster.local' } },
  'default/empty': { metadata: { name: 'empty', namespace: 'default' }, spec: { type: 'ClusterIP', clusterIP: 'None' } },
};
const slices: Record<string, DnsSlice[]> = {
  'default/db': [
    {
      addressType: 'IPv4',
      ports: [{ name: 'pg', protocol: 'TCP', port: 5433 }],
      endpoints: [
        { addresses: ['127.64.1.2'], conditions: { ready: true }, hostname: 'db-0' },
        { addresses: ['127.64.1.3'], conditions: { ready: true } },
        { addresses: ['127.64.1.4'], conditions: { ready: false }, hostname: 'db-2' },
      ],
    },
  ],
};
const view: ClusterView = {
  service: (ns, name) => services[`${ns}/${name}`],
  slices: (ns, name) => slices[`${ns}/${name}`] ?? [],
  namespaceExists: (ns) => ns === 'default' || ns === 'kube-system',
  servicesByClusterIP: (ip) => Object.values(services).filter((svc) => svc.spec?.clusterIP === ip),
  endpointsByAddress: (ip) =>
    Object.entries(slices).flatMap(([key, list]) =>
      list.flatMap((slice) =>
        (slice.endpoints ?? []).filter((e) => e.addresses.includes(ip)).map((endpoint) => ({ namespace: key.split('/')[0]!, service: key.split('/')[1]!, endpoint })),
      ),
    ),
};

const ask = (name: string, type: string) => resolve({ name, type }, view);
const dataOf = (a: unknown) => (a as { data: unknown }).data;
const summary = (name: string, type: string) => {
  const r = ask(name, type);
  if (r.forward) return 'forward';
  const data = r.answers.map((a) => `${a.type} ${typeof dataOf(a) === 'object' ? JSON.stringify(dataOf(a)) : dataOf(a)}`);
  return `${r.rcode}${data.length ? ` ${data.join(' | ')}` : r.authorities.length ? ' (SOA)' : ''}`;
};

/** [name, type, expected], after CoreDNS plugin/kubernetes handler_test.go. */
const cases: [string, string, string][] = [
  ['web.default.svc.cluster.local', 'A', 'NOERROR A 127.16.5.1'],
  ['WEB.Default.svc.cluster.local.', 'A', 'NOERROR A 127.16.5.1'],
  ['web.default.svc.cluster.local', 'AAAA', 'NOERROR (SOA)'],
  ['web.default.svc.cluster.local', 'TXT', 'NOERROR (SOA)'],
  ['nope.default.svc.cluster.local', 'A', 'NXDOMAIN (SOA)'],
  ['web.nope.svc.cluster.local', 'A', 'NXDOMAIN (SOA)'],
  ['default.svc.cluster.local', 'A', 'NOERROR (SOA)'],
  ['nope.svc.cluster.local', 'A', 'NXDOMAIN (SOA)'],
  ['svc.cluster.local', 'A', 'NOERROR (SOA)'],
  ['cluster.local', 'A', 'NOERROR (SOA)'],
  ['_http._tcp.web.default.svc.cluster.local', 'SRV', 'NOERROR SRV {"priority":0,"weight":100,"port":80,"target":"web.default.svc.cluster.local"}'],
  ['_dns._udp.web.default.svc.cluster.local', 'SRV', 'NOERROR SRV {"priority":0,"weight":100,"port":53,"target":"web.default.svc.cluster.local"}'],
  ['_http._udp.web.default.svc.cluster.local', 'SRV', 'NXDOMAIN (SOA)'],
  ['_http._tcp.web.default.svc.cluster.local', 'A', 'NOERROR (SOA)'],
  ['db.default.svc.cluster.local', 'A', 'NOERROR A 127.64.1.2 | A 127.64.1.3'],
  ['db-0.db.default.svc.cluster.local', 'A', 'NOERROR A 127.64.1.2'],
  ['127-64-1-3.db.default.svc.cluster.local', 'A', 'NOERROR A 127.64.1.3'],
  ['db-2.db.default.svc.cluster.local', 'A', 'NXDOMAIN (SOA)'],
  [
    '_pg._tcp.db.default.svc.cluster.local',
    'SRV',
    'NOERROR SRV {"priority":0,"weight":50,"port":5433,"target":"db-0.db.default.svc.cluster.local"} | SRV {"priority":0,"weight":50,"port":5433,"target":"127-64-1-3.db.default.svc.cluster.local"}',
  ],
  ['empty.default.svc.cluster.local', 'A', 'NOERROR (SOA)'],
  ['ext.default.svc.cluster.local', 'A', 'NOERROR CNAME web.default.svc.cluster.local | A 127.16.5.1'],
  ['ext.default.svc.cluster.local', 'CNAME', 'NOERROR CNAME web.default.svc.cluster.local'],
  ['127-64-1-9.default.pod.cluster.local', 'A', 'NOERROR A 127.64.1.9'],
  ['127-64-1-9.default.pod.cluster.local', 'AAAA', 'NOERROR (SOA)'],
  ['not-an-ip.default.pod.cluster.local', 'A', 'NXDOMAIN (SOA)'],
  ['dns-version.cluster.local', 'TXT', 'NOERROR TXT 1.1.0'],
  ['a.b.c.web.default.svc.cluster.local', 'A', 'NXDOMAIN (SOA)'],
  ['web.default.svc.cluster.local.default.svc.cluster.local', 'A', 'NXDOMAIN (SOA)'],
  // Reverse zones: ClusterIPs and endpoint addresses (hostname, else dashed), others fall through to the forwarder.
  ['1.5.16.127.in-addr.arpa', 'PTR', 'NOERROR PTR web.default.svc.cluster.local'],
  ['2.1.64.127.in-addr.arpa.', 'PTR', 'NOERROR PTR db-0.db.default.svc.cluster.local'],
  ['3.1.64.127.in-addr.arpa', 'PTR', 'NOERROR PTR 127-64-1-3.db.default.svc.cluster.local'],
  ['1.5.16.127.in-addr.arpa', 'A', 'NOERROR (SOA)'],
  ['9.9.16.127.in-addr.arpa', 'PTR', 'forward'],
  ['5.16.127.in-addr.arpa', 'PTR', 'forward'],
  ['example.com', 'A', 'forward'],
  ['notcluster.local', 'A', 'forward'],
];

for (const [name, type, expected] of cases) {
  test(`resolve ${type} ${name}`, () => assert.equal(summary(name, type), expected));
}

test('SRV on the plain Service name lists every named port with the Service address as additional', () => {
  const r = ask('web.default.svc.cluster.local', 'SRV');
  assert.ok(!r.forward);
  assert.deepEqual(
    r.answers.map((a) => (dataOf(a) as { port: number }).port),
    [80, 53],
  );
  assert.deepEqual(r.additionals.map(dataOf), ['127.16.5.1']);
});
