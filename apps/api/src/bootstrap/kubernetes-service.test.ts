import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseServiceCidr } from '@wheelhouse/db';
import { covers, desiredKubernetesService, reachableHost } from './kubernetes-service.js';

const range = parseServiceCidr('127.16.0.0/12');

test('the kubernetes Service takes the range’s first address; plain HTTP on 80/http, TLS on 443/https, to the API’s port', () => {
  const plain = desiredKubernetesService(range, { host: '127.0.0.1', port: 4000, tls: false });
  assert.equal(plain.service.spec?.clusterIP, '127.16.0.1');
  assert.deepEqual(plain.service.spec?.ports, [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 4000 }]);
  const tls = desiredKubernetesService(range, { host: '0.0.0.0', port: 6443, tls: true });
  assert.deepEqual(tls.service.spec?.ports, [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }]);
  assert.deepEqual(
    (tls.slice as Record<string, unknown>).endpoints,
    [{ addresses: ['127.0.0.1'], conditions: { ready: true, serving: true, terminating: false } }],
    'a wildcard listener is reached on loopback',
  );
  assert.equal(tls.slice.metadata?.labels?.['kubernetes.io/service-name'], 'kubernetes');
});

test('reachable hosts and covering: defaults the API adds do not count as a difference', () => {
  assert.equal(reachableHost('::'), '127.0.0.1');
  assert.equal(reachableHost('127.0.0.5'), '127.0.0.5');
  assert.equal(covers({ ports: [{ name: 'http', port: 80, nodePort: null, appProtocol: 'x' }] }, { ports: [{ name: 'http', port: 80 }] }), true);
  assert.equal(covers({ ports: [{ name: 'http', port: 80 }] }, { ports: [{ name: 'http', port: 81 }] }), false);
  assert.equal(covers({ ports: [] }, { ports: [{ name: 'http' }] }), false);
});
