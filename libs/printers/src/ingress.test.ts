// After printers_test.go TestPrintIngress / TestPrintIngressClass: kubectl's columns (printers.go names; wh upper-cases them).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Ingress, IngressClass } from '@wheelhouse/model';
import { PRINTERS, printHeaders, printRow } from './columns.js';

const now = Date.parse('2026-01-01T00:10:00Z');
const metadata = { name: 'web', creationTimestamp: '2026-01-01T00:00:00Z' };

test('Ingress: class, hosts (* for no host, three then "more"), address, ports with TLS', () => {
  assert.deepEqual(printHeaders(PRINTERS.Ingress!), ['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age']);
  const full = {
    metadata,
    spec: { ingressClassName: 'wheelhouse', tls: [{ secretName: 's' }], rules: [{ host: 'a.com' }, {}, { host: 'c.com' }, { host: 'd.com' }] },
    status: { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } },
  } as Ingress;
  assert.deepEqual(printRow(PRINTERS.Ingress!, full, now), ['web', 'wheelhouse', 'a.com,*,c.com + 1 more...', '127.0.0.1', '80, 443', '10m']);
  const bare = { metadata, spec: { defaultBackend: { service: { name: 's', port: { number: 80 } } } } } as Ingress;
  assert.deepEqual(printRow(PRINTERS.Ingress!, bare, now), ['web', '<none>', '*', '', '80', '10m']);
});

test('IngressClass: controller and parameters', () => {
  const o = {
    metadata,
    spec: { controller: 'wheelhouse.dev/ingress-controller', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'p' } },
  } as IngressClass;
  assert.deepEqual(printHeaders(PRINTERS.IngressClass!), ['Name', 'Controller', 'Parameters', 'Age']);
  assert.deepEqual(printRow(PRINTERS.IngressClass!, o, now), ['web', 'wheelhouse.dev/ingress-controller', 'IngressParameters.k8s.example.com/p', '10m']);
});
