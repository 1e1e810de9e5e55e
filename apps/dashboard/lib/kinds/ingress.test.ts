import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Ingress } from '@wheelhouse/model';
import { ingressRuleRows, ingressServices } from './ingress.ts';

const ingress: Ingress = {
  metadata: { name: 'site', namespace: 'web' },
  spec: {
    defaultBackend: { service: { name: 'fallback', port: { number: 80 } } },
    tls: [{ hosts: ['a.com'], secretName: 'a-tls' }],
    rules: [
      { host: 'a.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } }] } },
      { http: { paths: [{ path: '/api', pathType: 'Exact', backend: { service: { name: 'api', port: { number: 8080 } } } }] } },
    ],
  },
};

test('ingressRuleRows: one row per path with host (* when none), TLS secret, backend Service and port; the default backend last', () => {
  assert.deepEqual(ingressRuleRows(ingress), [
    { host: 'a.com', path: '/', pathType: 'Prefix', service: 'web', port: 'http', tls: 'a-tls' },
    { host: '*', path: '/api', pathType: 'Exact', service: 'api', port: '8080', tls: '' },
    { host: '(default backend)', path: '', pathType: '', service: 'fallback', port: '80', tls: '' },
  ]);
});

test('ingressServices: every backend Service once, default backend first', () => {
  assert.deepEqual(ingressServices(ingress), ['fallback', 'web', 'api']);
});
