import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnsFor } from './columns.js';
import type { KubeObj } from './object.js';

const NOW = Date.parse('2026-01-01T01:00:00Z');
const meta = (name: string) => ({ name, creationTimestamp: '2026-01-01T00:00:00Z' });
const row = (kind: string, o: KubeObj, wide = false) => columnsFor(kind, { wide }).row(o, NOW);

/** kubectl printService / printEndpoints / printEndpointSlice cases. */
test('Service columns: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE', () => {
  assert.deepEqual(columnsFor('Service').headers, ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
  const cases: [KubeObj, string[]][] = [
    [
      { metadata: meta('web'), spec: { type: 'ClusterIP', clusterIP: '127.16.1.2', ports: [{ port: 80, protocol: 'TCP' }] } },
      ['web', 'ClusterIP', '127.16.1.2', '<none>', '80/TCP', '60m'],
    ],
    [
      {
        metadata: meta('np'),
        spec: {
          type: 'NodePort',
          clusterIP: '127.16.1.3',
          ports: [
            { port: 53, protocol: 'UDP', nodePort: 30053 },
            { port: 53, protocol: 'TCP', nodePort: 30053 },
          ],
        },
      },
      ['np', 'NodePort', '127.16.1.3', '<none>', '53:30053/UDP,53:30053/TCP', '60m'],
    ],
    [
      { metadata: meta('lb'), spec: { type: 'LoadBalancer', clusterIP: '127.16.1.4', ports: [{ port: 443, protocol: 'TCP', nodePort: 31443 }] }, status: { loadBalancer: {} } },
      ['lb', 'LoadBalancer', '127.16.1.4', '<pending>', '443:31443/TCP', '60m'],
    ],
    [{ metadata: meta('ext'), spec: { type: 'ExternalName', externalName: 'db.example.com' } }, ['ext', 'ExternalName', '<none>', 'db.example.com', '<none>', '60m']],
    [{ metadata: meta('hl'), spec: { type: 'ClusterIP', clusterIP: 'None', ports: [{ port: 5432, protocol: 'TCP' }] } }, ['hl', 'ClusterIP', 'None', '<none>', '5432/TCP', '60m']],
  ];
  for (const [o, expected] of cases) assert.deepEqual(row('Service', o), expected);
  assert.deepEqual(row('Service', { metadata: meta('w'), spec: { selector: { app: 'web', tier: 'fe' }, ports: [] } }, true).slice(-1), ['app=web,tier=fe']);
});

test('Endpoints: the first three ready ip:port and how many more', () => {
  const subsets = [{ addresses: ['1', '2', '3', '4'].map((i) => ({ ip: `127.64.0.${i}` })), ports: [{ port: 8080 }] }];
  assert.deepEqual(row('Endpoints', { metadata: meta('web'), subsets }), ['web', '127.64.0.1:8080,127.64.0.2:8080,127.64.0.3:8080 + 1 more...', '60m']);
  assert.deepEqual(row('Endpoints', { metadata: meta('web'), subsets: [] }), ['web', '<none>', '60m']);
  assert.deepEqual(row('Endpoints', { metadata: meta('hl'), subsets: [{ addresses: [{ ip: '127.64.0.9' }] }] }), ['hl', '127.64.0.9', '60m']);
});

test('EndpointSlice: ADDRESSTYPE, PORTS and ENDPOINTS, <unset> when empty', () => {
  const slice = {
    metadata: meta('web-abcde'),
    addressType: 'IPv4',
    ports: [{ name: 'http', port: 8080 }],
    endpoints: [{ addresses: ['127.64.0.1'] }, { addresses: ['127.64.0.2'] }],
  };
  assert.deepEqual(columnsFor('EndpointSlice').headers, ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE']);
  assert.deepEqual(row('EndpointSlice', slice), ['web-abcde', 'IPv4', '8080', '127.64.0.1,127.64.0.2', '60m']);
  assert.deepEqual(row('EndpointSlice', { metadata: meta('empty'), addressType: 'IPv4', ports: [], endpoints: [] }), ['empty', 'IPv4', '<unset>', '<unset>', '60m']);
});
