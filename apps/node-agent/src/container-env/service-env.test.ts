// After the kubelet's TestMakeEnvironmentVariables service cases (pkg/kubelet/kubelet_pods_test.go)
// and envvars_test.go TestFromServices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Service } from '@wheelhouse/model';
import { serviceEnvVars, servicesForPod } from './service-env.js';
import { resolveEnv } from '../container-env.js';

const svc = (namespace: string, name: string, clusterIP: string, port: number, more: Partial<NonNullable<Service['spec']>> = {}): Service => ({
  metadata: { namespace, name },
  spec: { clusterIP, ports: [{ protocol: 'TCP', port }], ...more },
});
// The kubelet test's services.
const services = [
  svc('default', 'kubernetes', '1.2.3.1', 8081),
  svc('test1', 'test', '1.2.3.3', 8083),
  svc('test2', 'kubernetes', '1.2.3.4', 8084),
  svc('test2', 'test', '1.2.3.5', 8085),
  svc('test2', 'test', 'None', 8085),
  svc('test2', 'test', '', 8085),
  svc('kubernetes', 'kubernetes', '1.2.3.6', 8086),
  svc('kubernetes', 'not-special', '1.2.3.8', 8088),
  svc('kubernetes', 'not-special', 'None', 8088),
  svc('kubernetes', 'not-special', '', 8088),
];
const vars = (prefix: string, ip: string, port: number) => ({
  [`${prefix}_SERVICE_HOST`]: ip,
  [`${prefix}_SERVICE_PORT`]: String(port),
  [`${prefix}_PORT`]: `tcp://${ip}:${port}`,
  [`${prefix}_PORT_${port}_TCP`]: `tcp://${ip}:${port}`,
  [`${prefix}_PORT_${port}_TCP_PROTO`]: 'tcp',
  [`${prefix}_PORT_${port}_TCP_PORT`]: String(port),
  [`${prefix}_PORT_${port}_TCP_ADDR`]: ip,
});

const cases: [string, string, boolean, Record<string, string>][] = [
  ['service links on: the namespace’s Services and the master Service', 'test1', true, { ...vars('TEST', '1.2.3.3', 8083), ...vars('KUBERNETES', '1.2.3.1', 8081) }],
  ['service links off: the master Service only', 'test1', false, vars('KUBERNETES', '1.2.3.1', 8081)],
  ['a namespace’s own `kubernetes` Service wins over the master one', 'test2', true, { ...vars('TEST', '1.2.3.5', 8085), ...vars('KUBERNETES', '1.2.3.4', 8084) }],
  ['the master Service when a namespace’s own is off', 'test2', false, vars('KUBERNETES', '1.2.3.1', 8081)],
  ['Services without a ClusterIP give nothing', 'kubernetes', true, { ...vars('NOT_SPECIAL', '1.2.3.8', 8088), ...vars('KUBERNETES', '1.2.3.6', 8086) }],
];
for (const [name, namespace, links, want] of cases) {
  test(`service env: ${name}`, () => {
    assert.deepEqual(serviceEnvVars(servicesForPod(services, namespace, links)), want);
  });
}

test('service env: names upper-cased with dashes as underscores; every named port; the first port is the docker-link default', () => {
  const multi: Service = {
    metadata: { namespace: 'ns', name: 'super-ipv4' },
    spec: {
      clusterIP: '1.2.3.4',
      ports: [
        { name: 'u-d-p', protocol: 'UDP', port: 8081 },
        { name: 't-c-p', protocol: 'TCP', port: 8082 },
      ],
    },
  };
  assert.deepEqual(serviceEnvVars([multi]), {
    SUPER_IPV4_SERVICE_HOST: '1.2.3.4',
    SUPER_IPV4_SERVICE_PORT: '8081',
    SUPER_IPV4_SERVICE_PORT_U_D_P: '8081',
    SUPER_IPV4_SERVICE_PORT_T_C_P: '8082',
    SUPER_IPV4_PORT: 'udp://1.2.3.4:8081',
    SUPER_IPV4_PORT_8081_UDP: 'udp://1.2.3.4:8081',
    SUPER_IPV4_PORT_8081_UDP_PROTO: 'udp',
    SUPER_IPV4_PORT_8081_UDP_PORT: '8081',
    SUPER_IPV4_PORT_8081_UDP_ADDR: '1.2.3.4',
    SUPER_IPV4_PORT_8082_TCP: 'tcp://1.2.3.4:8082',
    SUPER_IPV4_PORT_8082_TCP_PROTO: 'tcp',
    SUPER_IPV4_PORT_8082_TCP_PORT: '8082',
    SUPER_IPV4_PORT_8082_TCP_ADDR: '1.2.3.4',
  });
});

test('service env: an IPv6 ClusterIP is bracketed in the URLs only', () => {
  const env = serviceEnvVars([svc('ns', 'v6', '2001:db8::1', 80)]);
  assert.equal(env.V6_PORT, 'tcp://[2001:db8::1]:80');
  assert.equal(env.V6_PORT_80_TCP_ADDR, '2001:db8::1');
  assert.equal(env.V6_SERVICE_HOST, '2001:db8::1');
});

test('resolveEnv: Service variables follow the declared ones, lose to a declared name, and $(VAR) can name them', () => {
  const pod = { metadata: { name: 'p', namespace: 'test1', uid: 'u' }, spec: { containers: [] } };
  const container = {
    name: 'c',
    env: [
      { name: 'TEST_SERVICE_PORT', value: 'mine' },
      { name: 'URL', value: 'http://$(TEST_SERVICE_HOST):$(TEST_SERVICE_PORT)' },
    ],
  };
  const values = { podIP: '127.64.0.5', nodeName: 'n', hostIP: '127.0.0.1', services: { list: (ns: string) => services.filter((s) => s.metadata.namespace === ns) } };
  const env = resolveEnv(pod, container, values);
  assert.deepEqual(Object.keys(env).slice(0, 2), ['TEST_SERVICE_PORT', 'URL']);
  assert.equal(env.TEST_SERVICE_PORT, 'mine');
  assert.equal(env.URL, 'http://1.2.3.3:mine');
  assert.equal(env.TEST_PORT_8083_TCP_ADDR, '1.2.3.3');
  assert.equal(env.KUBERNETES_SERVICE_HOST, '1.2.3.1');
  const off = resolveEnv({ ...pod, spec: { containers: [], enableServiceLinks: false } }, { name: 'c' }, values);
  assert.deepEqual(Object.keys(off).sort(), Object.keys(vars('KUBERNETES', '1.2.3.1', 8081)).sort());
});
