import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '@wheelhouse/model';
import { formatResolvConf, parseResolvConf, podHostsFile, podResolvConf, type ClusterDnsSettings } from './pod-etc.js';

const settings: ClusterDnsSettings = {
  clusterDNS: ['127.16.0.10'],
  clusterDomain: 'cluster.local',
  host: parseResolvConf('# host\nnameserver 192.0.2.53\nnameserver 192.0.2.54\nsearch corp.example\noptions edns0\n'),
};
const pod = (spec: Pod['spec'] = {}, name = 'web-0'): Pod => ({ metadata: { name, namespace: 'shop' }, spec }) as Pod;

// Cases after pkg/kubelet/network/dns/dns_test.go (TestGetPodDNSType, TestGetPodDNS, TestGetPodDNSCustom).
test('resolv.conf per dnsPolicy and dnsConfig', () => {
  const cases: [string, Pod['spec'], string][] = [
    ['ClusterFirst (the default)', {}, 'nameserver 127.16.0.10\nsearch shop.svc.cluster.local svc.cluster.local cluster.local corp.example\noptions ndots:5\n'],
    ['Default: the host resolver', { dnsPolicy: 'Default' }, 'nameserver 192.0.2.53\nnameserver 192.0.2.54\nsearch corp.example\noptions edns0\n'],
    [
      'ClusterFirst with hostNetwork is Default',
      { dnsPolicy: 'ClusterFirst', hostNetwork: true },
      'nameserver 192.0.2.53\nnameserver 192.0.2.54\nsearch corp.example\noptions edns0\n',
    ],
    [
      'ClusterFirstWithHostNet',
      { dnsPolicy: 'ClusterFirstWithHostNet', hostNetwork: true },
      'nameserver 127.16.0.10\nsearch shop.svc.cluster.local svc.cluster.local cluster.local corp.example\noptions ndots:5\n',
    ],
    [
      'None: dnsConfig only',
      { dnsPolicy: 'None', dnsConfig: { nameservers: ['203.0.113.1'], searches: ['my.dns.search.suffix'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } },
      'nameserver 203.0.113.1\nsearch my.dns.search.suffix\noptions ndots:2 edns0\n',
    ],
    [
      'ClusterFirst merged with dnsConfig: extra servers and searches appended, ndots replaced',
      {
        dnsConfig: {
          nameservers: ['203.0.113.1', '127.16.0.10'],
          searches: ['extra.example', 'cluster.local'],
          options: [
            { name: 'ndots', value: '3' },
            { name: 'timeout', value: '1' },
          ],
        },
      },
      'nameserver 127.16.0.10\nnameserver 203.0.113.1\nsearch shop.svc.cluster.local svc.cluster.local cluster.local corp.example extra.example\noptions ndots:3 timeout:1\n',
    ],
    [
      'at most three nameservers',
      { dnsPolicy: 'Default', dnsConfig: { nameservers: ['203.0.113.1', '203.0.113.2'] } },
      'nameserver 192.0.2.53\nnameserver 192.0.2.54\nnameserver 203.0.113.1\nsearch corp.example\noptions edns0\n',
    ],
  ];
  for (const [name, spec, expected] of cases) assert.equal(formatResolvConf(podResolvConf(pod(spec), settings)), expected, name);
  assert.equal(
    formatResolvConf(podResolvConf(pod({}), { ...settings, clusterDNS: [] })),
    'nameserver 192.0.2.53\nnameserver 192.0.2.54\nsearch corp.example\noptions edns0\n',
    'no cluster DNS: the host resolver',
  );
});

// TestManagedHostsFileContent.
test('/etc/hosts: localhost, the pod by hostname (FQDN with a subdomain), hostAliases', () => {
  const header =
    '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
  assert.equal(podHostsFile(pod(), '127.64.1.5', 'cluster.local'), `${header}127.64.1.5\tweb-0\n`);
  assert.equal(podHostsFile(pod({ hostname: 'db', subdomain: 'pg' }), '127.64.1.5', 'cluster.local'), `${header}127.64.1.5\tdb.pg.shop.svc.cluster.local\tdb\n`);
  assert.equal(
    podHostsFile(
      pod({
        hostAliases: [
          { ip: '127.0.0.1', hostnames: ['foo.local', 'bar.local'] },
          { ip: '10.1.2.3', hostnames: ['foo.remote'] },
        ],
      }),
      '127.64.1.5',
      'cluster.local',
    ),
    `${header}127.64.1.5\tweb-0\n\n# Entries added by HostAliases.\n127.0.0.1\tfoo.local\tbar.local\n10.1.2.3\tfoo.remote\n`,
  );
  const long = 'a'.repeat(62) + '-b';
  assert.match(
    podHostsFile(pod({}, long), '127.64.1.5', 'cluster.local'),
    new RegExp(`127.64.1.5\\t${'a'.repeat(62)}\\n$`),
    'names longer than 63 are cut, without a trailing dash',
  );
});
