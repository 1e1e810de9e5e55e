import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ControllerRevision, DaemonSet } from '@wheelhouse/model';
import { PRINTERS, printHeaders, printRow } from './columns.js';

const NOW = Date.parse('2026-01-01T01:00:00Z');
const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, creationTimestamp: '2026-01-01T00:59:58Z', ...extra });

/** kubectl printControllerRevision cases (pkg/printers/internalversion/printers_test.go TestPrintControllerRevision). */
test('ControllerRevision columns: NAME CONTROLLER REVISION AGE', () => {
  assert.deepEqual(printHeaders(PRINTERS.ControllerRevision!), ['Name', 'Controller', 'Revision', 'Age']);
  const cases: [ControllerRevision, string[]][] = [
    [
      { metadata: meta('test1', { ownerReferences: [{ controller: true, apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'foo', uid: 'u1' }] }), revision: 1 },
      ['test1', 'daemonset.apps/foo', '1', '2s'],
    ],
    [{ metadata: meta('test2', { ownerReferences: [{ controller: false, kind: 'ABC', name: 'foo', apiVersion: 'v1', uid: 'u2' }] }), revision: 2 }, ['test2', '<none>', '2', '2s']],
    [{ metadata: meta('test3', { ownerReferences: [] }), revision: 3 }, ['test3', '<none>', '3', '2s']],
    [{ metadata: meta('test4'), revision: 4 }, ['test4', '<none>', '4', '2s']],
    // A core-group owner has no group in its GroupKind.
    [{ metadata: meta('test5', { ownerReferences: [{ controller: true, apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u5' }] }), revision: 5 }, ['test5', 'pod/p', '5', '2s']],
  ];
  for (const [o, expected] of cases) assert.deepEqual(printRow(PRINTERS.ControllerRevision!, o, NOW), expected, o.metadata.name ?? '');
});

/** kubectl printDaemonSet cases (printers_test.go TestPrintDaemonSet, TestPrintDaemonSetList with -o wide). */
test('DaemonSet columns: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE; wide CONTAINERS IMAGES SELECTOR', () => {
  assert.deepEqual(printHeaders(PRINTERS.DaemonSet!), ['Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age']);
  assert.deepEqual(printHeaders(PRINTERS.DaemonSet!, { wide: true }).slice(-3), ['Containers', 'Images', 'Selector']);
  const test1: DaemonSet = {
    metadata: meta('test1'),
    spec: { template: { spec: { containers: [{}, {}] } } },
    status: { currentNumberScheduled: 2, desiredNumberScheduled: 3, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 0 },
  };
  assert.deepEqual(printRow(PRINTERS.DaemonSet!, test1, NOW), ['test1', '3', '2', '1', '2', '0', '<none>', '2s']);
  const list: [DaemonSet, string[]][] = [
    [
      {
        metadata: meta('daemonset1'),
        spec: {
          template: {
            spec: {
              containers: [
                { name: 'fake-container1', image: 'fake-image1' },
                { name: 'fake-container2', image: 'fake-image2' },
              ],
            },
          },
        },
        status: { currentNumberScheduled: 1, desiredNumberScheduled: 2, numberReady: 3, updatedNumberScheduled: 2, numberAvailable: 0 },
      },
      ['daemonset1', '2', '1', '3', '2', '0', '<none>', '2s', 'fake-container1,fake-container2', 'fake-image1,fake-image2', '<none>'],
    ],
    [
      {
        metadata: meta('fluentd-elasticsearch'),
        spec: {
          selector: { matchLabels: { name: 'fluentd-elasticsearch' } },
          template: {
            spec: { nodeSelector: { 'kubernetes.io/os': 'linux', disk: 'ssd' }, containers: [{ name: 'fluentd', image: 'quay.io/fluentd_elasticsearch/fluentd:v5.0.1' }] },
          },
        },
        status: { currentNumberScheduled: 1, desiredNumberScheduled: 1, numberReady: 1, updatedNumberScheduled: 1, numberAvailable: 1 },
      },
      [
        'fluentd-elasticsearch',
        '1',
        '1',
        '1',
        '1',
        '1',
        'disk=ssd,kubernetes.io/os=linux',
        '2s',
        'fluentd',
        'quay.io/fluentd_elasticsearch/fluentd:v5.0.1',
        'name=fluentd-elasticsearch',
      ],
    ],
  ];
  for (const [o, expected] of list) assert.deepEqual(printRow(PRINTERS.DaemonSet!, o, NOW, { wide: true }), expected, o.metadata.name ?? '');
});
