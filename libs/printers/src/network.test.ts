// Ported from kubernetes pkg/printers/internalversion/printers_test.go: TestPrintServiceLoadBalancer,
// TestPrintEndpoint and TestPrintEndpointSlice (their cells; NAME and AGE are the common columns).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endpointSliceAddresses, endpointSlicePorts, endpointsText, type ServiceFields, serviceCells } from './network.js';

test('TestPrintServiceLoadBalancer', () => {
  const lb = (clusterIP: string, ports: [number, string][], ingress: { ip?: string; hostname?: string }[], selector?: Record<string, string>): ServiceFields => ({
    spec: { clusterIPs: [clusterIP], type: 'LoadBalancer', ports: ports.map(([port, protocol]) => ({ port, protocol })), ...(selector ? { selector } : {}) },
    status: { loadBalancer: { ingress } },
  });
  const three: [number, string][] = [
    [80, 'TCP'],
    [8090, 'UDP'],
    [8000, 'TCP'],
  ];
  const cases: [string, ServiceFields, boolean, string[]][] = [
    ['multiple external IPs', lb('1.2.3.4', [[80, 'TCP']], [{ ip: '2.3.4.5' }, { ip: '3.4.5.6' }]), false, ['LoadBalancer', '1.2.3.4', '2.3.4.5,3.4.5.6', '80/TCP']],
    ['pending external IP', lb('1.3.4.5', [...three, [7777, 'SCTP']], []), false, ['LoadBalancer', '1.3.4.5', '<pending>', '80/TCP,8090/UDP,8000/TCP,7777/SCTP']],
    ['multiple ports', lb('1.4.5.6', three, [{ ip: '2.3.4.5' }]), false, ['LoadBalancer', '1.4.5.6', '2.3.4.5', '80/TCP,8090/UDP,8000/TCP']],
    [
      'long external IP list elided',
      lb('1.5.6.7', three, [{ ip: '2.3.4.5' }, { ip: '3.4.5.6' }, { ip: '5.6.7.8', hostname: 'host5678' }]),
      false,
      ['LoadBalancer', '1.5.6.7', '2.3.4.5,3.4.5...', '80/TCP,8090/UDP,8000/TCP'],
    ],
  ];
  for (const [name, svc, wide, want] of cases) {
    const c = serviceCells(svc, wide);
    assert.deepEqual([c.type, c.clusterIP, c.externalIP, c.ports], want, name);
  }
  const wide = serviceCells(lb('1.5.6.7', three, [{ ip: '2.3.4.5' }, { ip: '3.4.5.6' }, { ip: '5.6.7.8', hostname: 'host5678' }], { foo: 'bar' }), true);
  assert.deepEqual([wide.externalIP, wide.selector], ['2.3.4.5,3.4.5.6,5.6.7.8', 'foo=bar']);
});

test('services of other types: ClusterIP, NodePort, ExternalName', () => {
  assert.deepEqual(serviceCells({ spec: { type: 'ClusterIP', clusterIPs: ['10.96.0.10'], ports: [{ port: 53, protocol: 'UDP' }] } }, false), {
    type: 'ClusterIP',
    clusterIP: '10.96.0.10',
    externalIP: '<none>',
    ports: '53/UDP',
    selector: '<none>',
  });
  assert.equal(serviceCells({ spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] } }, false).ports, '80:30080/TCP');
  assert.equal(serviceCells({ spec: { type: 'ExternalName', externalName: 'db.example.com' } }, false).externalIP, 'db.example.com');
  assert.equal(serviceCells({ spec: { type: 'ClusterIP', clusterIPs: ['None'] } }, false).ports, '<none>');
});

test('TestPrintEndpoint', () => {
  const ips = (...list: string[]) => list.map((ip) => ({ ip }));
  assert.equal(endpointsText({}), '<none>');
  assert.equal(endpointsText({ subsets: [{ addresses: ips('1.2.3.4', '5.6.7.8') }] }), '1.2.3.4,5.6.7.8');
  assert.equal(endpointsText({ subsets: [{ addresses: ips('1.2.3.4', '5.6.7.8'), ports: [{ port: 8001 }] }] }), '1.2.3.4:8001,5.6.7.8:8001');
  assert.equal(
    endpointsText({ subsets: [{ addresses: ips('1.2.3.4', '5.6.7.8', '9.8.7.6', '6.6.6.6'), ports: [{ port: 8001 }] }] }),
    '1.2.3.4:8001,5.6.7.8:8001,9.8.7.6:8001 + 1 more...',
  );
});

test('TestPrintEndpointSlice', () => {
  const two = [{ addresses: ['10.1.2.3', '2001:db8::1234:5678'] }, { addresses: ['10.2.3.4', '2001:db8::2345:6789'] }];
  assert.deepEqual([endpointSlicePorts([{ name: 'http', port: 80 }]), endpointSliceAddresses(two.slice(0, 1))], ['80', '10.1.2.3,2001:db8::1234:5678']);
  assert.deepEqual(
    [
      endpointSlicePorts([
        { name: 'http', port: 80 },
        { name: 'https', port: 443 },
      ]),
      endpointSliceAddresses(two),
    ],
    ['80,443', '10.1.2.3,2001:db8::1234:5678,10.2.3.4 + 1 more...'],
  );
  const four = [80, 443, 3000, 3001].map((port) => ({ port }));
  assert.equal(endpointSlicePorts(four), '80,443,3000 + 1 more...');
  assert.equal(endpointSlicePorts([]), '<unset>');
});
