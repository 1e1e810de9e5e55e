// Table tests ported from kubernetes pkg/printers/internalversion/printers_test.go:
// TestPrintNodeStatus, TestPrintNodeRole, TestPrintNodeOSImage, TestPrintNodeKernelVersion,
// TestPrintNodeContainerRuntimeVersion, TestPrintNodeName, TestPrintNodeExternalIP,
// TestPrintNodeInternalIP, TestPrintDeployment, TestPrintReplicationController, TestPrintReplicaSet,
// TestPrintReplicaSetList, TestPrintConfigMap, TestPrintLease and TestTranslateTimestampSince.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConfigMap, Deployment, Node, ReplicaSet, ReplicationController } from '@wheelhouse/model';
import { DEFAULT_PRINTER, PRINTERS, printHeaders, printerFor, printRow } from './columns.js';
import { age } from './duration.js';

const now = Date.parse('2026-03-01T12:00:00Z');
const printNode = (node: Node, wide = false) => printRow(PRINTERS.Node!, node, now, { wide });

test('TestPrintNodeStatus', () => {
  const ready = [{ type: 'Ready', status: 'True' }];
  const notReady = [{ type: 'Ready', status: 'False' }];
  const invalid = [{ type: 'InvalidValue', status: 'True' }];
  const cases: [string, Node['spec'], NonNullable<Node['status']>['conditions'], string][] = [
    ['foo1', {}, ready, 'Ready'],
    ['foo2', { unschedulable: true }, ready, 'Ready,SchedulingDisabled'],
    ['foo3', {}, [...ready, ...ready], 'Ready'],
    ['foo4', {}, notReady, 'NotReady'],
    ['foo5', { unschedulable: true }, notReady, 'NotReady,SchedulingDisabled'],
    ['foo6', {}, invalid, 'Unknown'],
    ['foo7', {}, [{}], 'Unknown'],
    ['foo8', { unschedulable: true }, invalid, 'Unknown,SchedulingDisabled'],
    ['foo9', { unschedulable: true }, [{}], 'Unknown,SchedulingDisabled'],
  ];
  for (const [name, spec, conditions, status] of cases) {
    assert.deepEqual(printNode({ metadata: { name }, spec, status: { conditions } }), [name, status, '<none>', '<unknown>', ''], name);
  }
});

test('TestPrintNodeRole', () => {
  assert.deepEqual(printNode({ metadata: { name: 'foo9' } }), ['foo9', 'Unknown', '<none>', '<unknown>', '']);
  assert.deepEqual(
    printNode({
      metadata: {
        name: 'foo10',
        labels: { 'node-role.kubernetes.io/master': '', 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/proxy': '', 'kubernetes.io/role': 'node' },
      },
    }),
    ['foo10', 'Unknown', 'control-plane,master,node,proxy', '<unknown>', ''],
  );
  assert.deepEqual(printNode({ metadata: { name: 'foo11', labels: { 'kubernetes.io/role': 'node' } } }), ['foo11', 'Unknown', 'node', '<unknown>', '']);
});

test('TestPrintNodeOSImage, KernelVersion, ContainerRuntimeVersion, ExternalIP, InternalIP (wide)', () => {
  const ext = [{ type: 'ExternalIP', address: '1.1.1.1' }];
  const cases: [Node, string[]][] = [
    [{ metadata: { name: 'foo1' }, status: { nodeInfo: { osImage: 'fake-os-image' }, addresses: ext } }, ['<none>', '1.1.1.1', 'fake-os-image', '<unknown>', '<unknown>']],
    [
      { metadata: { name: 'foo2' }, status: { nodeInfo: { kernelVersion: 'fake-kernel-version' }, addresses: ext } },
      ['<none>', '1.1.1.1', '<unknown>', 'fake-kernel-version', '<unknown>'],
    ],
    [
      { metadata: { name: 'foo3' }, status: { nodeInfo: { containerRuntimeVersion: 'foo://1.2.3' }, addresses: ext } },
      ['<none>', '1.1.1.1', '<unknown>', '<unknown>', 'foo://1.2.3'],
    ],
    [{ metadata: { name: 'foo4' }, status: { nodeInfo: {}, addresses: ext } }, ['<none>', '1.1.1.1', '<unknown>', '<unknown>', '<unknown>']],
    [{ metadata: { name: 'foo5' }, status: { addresses: [{ type: 'InternalIP', address: '1.1.1.1' }] } }, ['1.1.1.1', '<none>', '<unknown>', '<unknown>', '<unknown>']],
    [
      {
        metadata: { name: 'foo6' },
        status: {
          addresses: [
            { type: 'ExternalIP', address: '2.2.2.2' },
            { type: 'InternalIP', address: '3.3.3.3' },
            { type: 'ExternalIP', address: '4.4.4.4' },
          ],
        },
      },
      ['3.3.3.3', '2.2.2.2', '<unknown>', '<unknown>', '<unknown>'],
    ],
    [
      {
        metadata: { name: 'foo7' },
        status: {
          addresses: [
            { type: 'InternalIP', address: '2.2.2.2' },
            { type: 'ExternalIP', address: '3.3.3.3' },
            { type: 'InternalIP', address: '4.4.4.4' },
          ],
        },
      },
      ['2.2.2.2', '3.3.3.3', '<unknown>', '<unknown>', '<unknown>'],
    ],
  ];
  for (const [node, wide] of cases) assert.deepEqual(printNode(node, true), [node.metadata.name, 'Unknown', '<none>', '<unknown>', '', ...wide], node.metadata.name);
});

test('TestPrintNodeName', () => {
  assert.deepEqual(printNode({ metadata: { name: '127.0.0.1' }, status: {} }), ['127.0.0.1', 'Unknown', '<none>', '<unknown>', '']);
  assert.deepEqual(printNode({ metadata: { name: '' }, status: {} }), ['', 'Unknown', '<none>', '<unknown>', '']);
});

test('TestPrintDeployment', () => {
  const deployment: Deployment = {
    metadata: { name: 'test1', creationTimestamp: new Date(now + 1900).toISOString() },
    spec: {
      replicas: 5,
      template: {
        spec: {
          containers: [
            { name: 'fake-container1', image: 'fake-image1' },
            { name: 'fake-container2', image: 'fake-image2' },
          ],
        },
      },
      selector: { matchLabels: { foo: 'bar' } },
    },
    status: { replicas: 10, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 4 },
  };
  assert.deepEqual(printHeaders(PRINTERS.Deployment!), ['Name', 'Ready', 'Up-to-date', 'Available', 'Age']);
  assert.deepEqual(printRow(PRINTERS.Deployment!, deployment, now), ['test1', '0/5', '2', '1', '0s']);
  assert.deepEqual(printRow(PRINTERS.Deployment!, deployment, now, { wide: true }), [
    'test1',
    '0/5',
    '2',
    '1',
    '0s',
    'fake-container1,fake-container2',
    'fake-image1,fake-image2',
    'foo=bar',
  ]);
});

test('TestTranslateTimestampSince', () => {
  const cases: [string, string | undefined, string][] = [
    ['a while from now', new Date(now + 2100).toISOString(), '<invalid>'],
    ['almost now', new Date(now + 1900).toISOString(), '0s'],
    ['now', new Date(now).toISOString(), '0s'],
    ['unknown', undefined, '<unknown>'],
    ['30 seconds ago', new Date(now - 30_000).toISOString(), '30s'],
    ['5 minutes ago', new Date(now - 300_000).toISOString(), '5m'],
    ['an hour ago', new Date(now - 6_000_000).toISOString(), '100m'],
    ['2 days ago', new Date(now - 2 * 86_400_000).toISOString(), '2d'],
    ['months ago', new Date(now - 90 * 86_400_000).toISOString(), '90d'],
    ['10 years ago', new Date(now - 10 * 365 * 86_400_000).toISOString(), '10y'],
  ];
  for (const [name, stamp, want] of cases) assert.equal(age(stamp, now), want, name);
});

test('headers of every printed kind follow printers.go; -o wide adds the priority-1 columns in place', () => {
  assert.deepEqual(printHeaders(PRINTERS.Pod!, { wide: true }), ['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates']);
  assert.deepEqual(printHeaders(PRINTERS.ReplicaSet!, { wide: true }), ['Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers', 'Images', 'Selector']);
  assert.deepEqual(printHeaders(PRINTERS.Node!, { wide: true }), [
    'Name',
    'Status',
    'Roles',
    'Age',
    'Version',
    'Internal-IP',
    'External-IP',
    'OS-Image',
    'Kernel-Version',
    'Container-Runtime',
  ]);
  assert.deepEqual(printHeaders(PRINTERS.Event!), ['Last Seen', 'Type', 'Reason', 'Object', 'Message']);
  assert.deepEqual(printHeaders(PRINTERS.Event!, { wide: true }), ['Last Seen', 'Type', 'Reason', 'Object', 'Subobject', 'Source', 'Message', 'First Seen', 'Count', 'Name']);
  assert.deepEqual(printHeaders(PRINTERS.Namespace!), ['Name', 'Status', 'Age']);
  assert.deepEqual(printHeaders(PRINTERS.Lease!), ['Name', 'Holder', 'Age']);
  assert.equal(printerFor('NoSuchKind'), DEFAULT_PRINTER);
});

test('replica sets and controllers: DESIRED defaults to 1; selectors as kubectl formats them', () => {
  const rs = {
    metadata: { name: 'web-abc' },
    spec: { selector: { matchLabels: { b: '2', a: '1' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['y', 'x'] }] } },
    status: { replicas: 1 },
  };
  assert.deepEqual(printRow(PRINTERS.ReplicaSet!, rs, now, { wide: true }), ['web-abc', '1', '1', '0', '<unknown>', '', '', 'a=1,b=2,tier in (x,y)']);
  assert.deepEqual(printRow(PRINTERS.ReplicationController!, { metadata: { name: 'rc' }, spec: { replicas: 2 } }, now, { wide: true }), [
    'rc',
    '2',
    '0',
    '0',
    '<unknown>',
    '',
    '',
    '<none>',
  ]);
});

test('configmaps and secrets: DATA counts keys (printConfigMap, printSecret)', () => {
  assert.deepEqual(printHeaders(PRINTERS.ConfigMap!), ['Name', 'Data', 'Age']);
  assert.deepEqual(printRow(PRINTERS.ConfigMap!, { metadata: { name: 'cm' }, data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }, now), ['cm', '3', '<unknown>']);
  assert.deepEqual(printHeaders(PRINTERS.Secret!), ['Name', 'Type', 'Data', 'Age']);
  assert.deepEqual(printRow(PRINTERS.Secret!, { metadata: { name: 's' }, type: 'Opaque', data: { password: 'c2VjcmV0' } }, now), ['s', 'Opaque', '1', '<unknown>']);
});

test('TestPrintReplicationController', () => {
  const template = { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'test', image: 'test_image', imagePullPolicy: 'IfNotPresent' }], restartPolicy: 'Always' } };
  const rc = (replicas: number, status?: ReplicationController['status']): ReplicationController => ({
    metadata: { name: 'rc1', namespace: 'test-namespace' },
    spec: { replicas, selector: { a: 'b' }, template },
    ...(status ? { status } : {}),
  });
  const print = (o: ReplicationController, wide = false) => printRow(PRINTERS.ReplicationController!, o, now, { wide });
  assert.deepEqual(print(rc(0)), ['rc1', '0', '0', '0', '<unknown>'], 'basic');
  assert.deepEqual(print(rc(5, { replicas: 3, readyReplicas: 1 })), ['rc1', '5', '3', '1', '<unknown>'], 'basic with replicas');
  assert.deepEqual(print(rc(5, { replicas: 3, readyReplicas: 1 }), true), ['rc1', '5', '3', '1', '<unknown>', 'test', 'test_image', 'a=b'], 'wide');
  assert.deepEqual(
    print({ metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } }, spec: { replicas: 0 } }, true),
    ['', '0', '0', '0', '<unknown>', '', '', '<none>'],
    'no panic',
  );
});

test('TestPrintReplicaSet and TestPrintReplicaSetList', () => {
  const created = new Date(now + 1900).toISOString();
  const containers = [
    { name: 'fake-container1', image: 'fake-image1' },
    { name: 'fake-container2', image: 'fake-image2' },
  ];
  const rs: ReplicaSet = {
    metadata: { name: 'test1', creationTimestamp: created },
    spec: { replicas: 5, template: { spec: { containers } }, selector: { matchLabels: { foo: 'bar' } } },
    status: { replicas: 5, readyReplicas: 2 },
  };
  assert.deepEqual(printRow(PRINTERS.ReplicaSet!, rs, now), ['test1', '5', '5', '2', '0s']);
  assert.deepEqual(printRow(PRINTERS.ReplicaSet!, rs, now, { wide: true }), [
    'test1',
    '5',
    '5',
    '2',
    '0s',
    'fake-container1,fake-container2',
    'fake-image1,fake-image2',
    'foo=bar',
  ]);
  const list: ReplicaSet[] = [
    { metadata: { name: 'replicaset1', creationTimestamp: created }, spec: { replicas: 5, template: { spec: { containers } } }, status: { replicas: 5, readyReplicas: 2 } },
    {
      metadata: { name: 'replicaset2', creationTimestamp: created },
      spec: { replicas: 4, template: {}, selector: { matchLabels: { foo: 'bar' } } },
      status: { replicas: 3, readyReplicas: 1 },
    },
  ];
  assert.deepEqual(
    list.map((o) => printRow(PRINTERS.ReplicaSet!, o, now)),
    [
      ['replicaset1', '5', '5', '2', '0s'],
      ['replicaset2', '4', '3', '1', '0s'],
    ],
  );
});

test('TestPrintConfigMap', () => {
  const created = new Date(now + 1900).toISOString();
  const cases: [ConfigMap, string[]][] = [
    [{ metadata: { name: 'configmap1', creationTimestamp: created } }, ['configmap1', '0', '0s']],
    [{ metadata: { name: 'configmap2', creationTimestamp: created }, data: { foo: 'bar' } }, ['configmap2', '1', '0s']],
    // binaryData is base64 on the wire ("binary data").
    [{ metadata: { name: 'configmap3', creationTimestamp: created }, data: { foo: 'bar' }, binaryData: { bin: 'YmluYXJ5IGRhdGE=' } }, ['configmap3', '2', '0s']],
  ];
  for (const [cm, cells] of cases) assert.deepEqual(printRow(PRINTERS.ConfigMap!, cm, now), cells, cm.metadata.name);
});

test('TestPrintLease', () => {
  const cases: [string, string, string, string][] = [
    ['lease1', 'holder1', new Date(now + 1900).toISOString(), '0s'],
    ['lease2', 'holder2', new Date(now - 300_000).toISOString(), '5m'],
  ];
  for (const [name, holder, created, age] of cases) {
    assert.deepEqual(printRow(PRINTERS.Lease!, { metadata: { name, creationTimestamp: created }, spec: { holderIdentity: holder } }, now), [name, holder, age]);
  }
});

test('services, endpoints and endpoint slices print through the network cells; quotas and limit ranges as kubectl', () => {
  assert.deepEqual(printHeaders(PRINTERS.Service!, { wide: true }), ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector']);
  assert.deepEqual(
    printRow(
      PRINTERS.Service!,
      { metadata: { name: 'web' }, spec: { type: 'NodePort', clusterIP: '127.16.1.2', selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }] } },
      now,
      { wide: true },
    ),
    ['web', 'NodePort', '127.16.1.2', '<none>', '80:30080/TCP', '<unknown>', 'app=web'],
  );
  assert.deepEqual(printRow(PRINTERS.Endpoints!, { metadata: { name: 'web' }, subsets: [{ addresses: [{ ip: '127.64.0.1' }], ports: [{ port: 8080 }] }] }, now), [
    'web',
    '127.64.0.1:8080',
    '<unknown>',
  ]);
  assert.deepEqual(
    printRow(PRINTERS.EndpointSlice!, { metadata: { name: 'web-x' }, addressType: 'IPv4', ports: [{ port: 8080 }], endpoints: [{ addresses: ['127.64.0.1'] }] }, now),
    ['web-x', 'IPv4', '8080', '127.64.0.1', '<unknown>'],
  );
  assert.deepEqual(
    printRow(
      PRINTERS.ResourceQuota!,
      {
        metadata: { name: 'q' },
        spec: { hard: { pods: '10', 'limits.cpu': '2', 'requests.cpu': '1' } },
        status: { hard: { pods: '10', 'limits.cpu': '2', 'requests.cpu': '1' }, used: { pods: '3' } },
      },
      now,
    ),
    ['q', '<unknown>', 'pods: 3/10, requests.cpu: 0/1', 'limits.cpu: 0/2'],
  );
  assert.deepEqual(printRow(PRINTERS.LimitRange!, { metadata: { name: 'l', creationTimestamp: '2026-03-01T11:00:00.000Z' } }, now), ['l', '2026-03-01T11:00:00Z']);
});
