import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INGRESS_TABLES } from './ingress-columns.js';

const now = Date.parse('2026-01-01T00:10:00Z');
const meta = { name: 'web', creationTimestamp: '2026-01-01T00:00:00Z' };

test('Ingress row: class, hosts (* for no host, three then "more"), address, ports with TLS', () => {
  const o = {
    metadata: meta,
    spec: { ingressClassName: 'wheelhouse', tls: [{ secretName: 's' }], rules: [{ host: 'a.com' }, {}, { host: 'c.com' }, { host: 'd.com' }] },
    status: { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } },
  };
  assert.deepEqual(INGRESS_TABLES.Ingress!.row(o, now), ['web', 'wheelhouse', 'a.com,*,c.com + 1 more...', '127.0.0.1', '80, 443', '10m']);
});

test('Ingress row: no class, default backend only, no address yet', () => {
  const o = { metadata: meta, spec: { defaultBackend: { service: { name: 's', port: { number: 80 } } } } };
  assert.deepEqual(INGRESS_TABLES.Ingress!.row(o, now), ['web', '<none>', '*', '', '80', '10m']);
});

test('IngressClass row: controller and parameters', () => {
  const o = { metadata: meta, spec: { controller: 'wheelhouse.dev/ingress-controller', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'p' } } };
  assert.deepEqual(INGRESS_TABLES.IngressClass!.row(o, now), ['web', 'wheelhouse.dev/ingress-controller', 'IngressParameters.k8s.example.com/p', '10m']);
});
