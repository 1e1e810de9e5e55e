import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnsFor, eventObject, nodeRoles, nodeStatus, podStatus } from './columns.js';
import type { KubeObj } from './object.js';

const now = Date.parse('2026-01-01T01:00:00Z');
const created = '2026-01-01T00:00:00Z';

const pod = (status: Record<string, unknown>, extra: Partial<KubeObj['metadata']> = {}): KubeObj => ({
  metadata: { name: 'web-1', namespace: 'shop', creationTimestamp: created, ...extra },
  spec: { containers: [{ name: 'a' }, { name: 'b' }], nodeName: 'node-1' },
  status,
});

test('pods: NAME READY STATUS RESTARTS AGE, wide adds IP NODE, -A adds NAMESPACE', () => {
  const p = pod({
    phase: 'Running',
    podIP: '10.0.0.5',
    containerStatuses: [
      { name: 'a', ready: true, restartCount: 2, state: { running: {} } },
      { name: 'b', ready: false, restartCount: 1, state: { running: {} } },
    ],
  });
  assert.deepEqual(columnsFor('Pod').headers, ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
  assert.deepEqual(columnsFor('Pod').row(p, now), ['web-1', '1/2', 'Running', '3', '60m']);
  const wide = columnsFor('Pod', { wide: true, allNamespaces: true });
  assert.deepEqual(wide.headers, ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE']);
  assert.deepEqual(wide.row(p, now), ['shop', 'web-1', '1/2', 'Running', '3', '60m', '10.0.0.5', 'node-1']);
});

test('pod STATUS follows kubectl: waiting reason, terminated reason, Terminating', () => {
  assert.equal(podStatus(pod({ phase: 'Pending', containerStatuses: [{ state: { waiting: { reason: 'ContainerCreating' } } }] })), 'ContainerCreating');
  assert.equal(podStatus(pod({ phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 2 } } }] })), 'ExitCode:2');
  assert.equal(podStatus(pod({ phase: 'Succeeded', containerStatuses: [{ state: { terminated: { reason: 'Completed' } } }] })), 'Completed');
  assert.equal(podStatus(pod({ phase: 'Running' }, { deletionTimestamp: created })), 'Terminating');
  assert.equal(podStatus(pod({})), 'Unknown');
});

test('deployments, replicasets, namespaces, events', () => {
  const d: KubeObj = { metadata: { name: 'web', creationTimestamp: created }, spec: { replicas: 3 }, status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } };
  assert.deepEqual(columnsFor('Deployment').headers, ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
  assert.deepEqual(columnsFor('Deployment').row(d, now), ['web', '2/3', '3', '2', '60m']);
  const rs: KubeObj = { metadata: { name: 'web-abc', creationTimestamp: created }, spec: { replicas: 3 }, status: { replicas: 3, readyReplicas: 1 } };
  assert.deepEqual(columnsFor('ReplicaSet').headers, ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE']);
  assert.deepEqual(columnsFor('ReplicaSet').row(rs, now), ['web-abc', '3', '3', '1', '60m']);
  assert.deepEqual(columnsFor('Namespace').row({ metadata: { name: 'shop', creationTimestamp: created }, status: { phase: 'Terminating' } }, now), ['shop', 'Terminating', '60m']);
  const e: KubeObj = {
    metadata: { name: 'x' },
    type: 'Normal',
    reason: 'Scheduled',
    involvedObject: { kind: 'Pod', name: 'web-1' },
    message: 'assigned',
    lastTimestamp: '2026-01-01T00:59:50Z',
  };
  assert.deepEqual(columnsFor('Event').headers, ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
  assert.deepEqual(columnsFor('Event').row(e, now), ['10s', 'Normal', 'Scheduled', 'pod/web-1', 'assigned']);
  assert.equal(eventObject(e), 'pod/web-1');
  assert.deepEqual(columnsFor('Lease').headers, ['NAME', 'AGE']);
});

test('nodes: STATUS from the Ready condition, ROLES from labels', () => {
  const node: KubeObj = {
    metadata: { name: 'n1', creationTimestamp: created, labels: { 'node-role.kubernetes.io/control-plane': '' } },
    spec: { unschedulable: true },
    status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.30.0' } },
  };
  assert.equal(nodeStatus(node), 'Ready,SchedulingDisabled');
  assert.equal(nodeRoles(node), 'control-plane');
  assert.equal(nodeRoles({ metadata: {} }), '<none>');
  assert.deepEqual(columnsFor('Node').row(node, now), ['n1', 'Ready,SchedulingDisabled', 'control-plane', '60m', 'v1.30.0']);
  assert.equal(nodeStatus({ metadata: {}, status: { conditions: [{ type: 'Ready', status: 'False' }] } }), 'NotReady');
});

test('nodes -o wide: addresses and node info, <none> and <unknown> when absent', () => {
  const node: KubeObj = {
    metadata: { name: 'n1', creationTimestamp: created },
    status: {
      addresses: [
        { type: 'InternalIP', address: '127.0.0.1' },
        { type: 'Hostname', address: 'n1' },
      ],
      nodeInfo: { kubeletVersion: 'v1.30.0', osImage: 'Ubuntu 24.04', kernelVersion: '6.8.0', containerRuntimeVersion: 'process://v0.1.0' },
    },
  };
  const wide = columnsFor('Node', { wide: true });
  assert.deepEqual(wide.headers, ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', 'INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME']);
  assert.deepEqual(wide.row(node, now).slice(5), ['127.0.0.1', '<none>', 'Ubuntu 24.04', '6.8.0', 'process://v0.1.0']);
  assert.deepEqual(wide.row({ metadata: { name: 'bare' } }, now).slice(5), ['<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']);
});

test('with several kinds in one get, names carry their kind (kubectl get all)', () => {
  const d: KubeObj = { metadata: { name: 'web', namespace: 'shop', creationTimestamp: created }, spec: { replicas: 1 }, status: {} };
  assert.equal(columnsFor('Deployment', { kindPrefix: 'deployment.apps' }).row(d, now)[0], 'deployment.apps/web');
  assert.deepEqual(columnsFor('Deployment', { kindPrefix: 'deployment.apps', allNamespaces: true }).row(d, now).slice(0, 2), ['shop', 'deployment.apps/web']);
  // Events have no NAME column: nothing to prefix.
  const e: KubeObj = { metadata: { name: 'x' }, type: 'Normal', reason: 'Pulled', involvedObject: { kind: 'Pod', name: 'web-1' }, message: 'm' };
  assert.deepEqual(columnsFor('Event', { kindPrefix: 'event' }).row(e, now), columnsFor('Event').row(e, now));
});
