import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node, Pod } from '@wheelhouse/model';
import { describeObject } from './kinds.js';
import { nodeResourcesText, podAmounts } from './node-resources.js';
import { formatQuantity } from '../quantity.js';

const now = Date.parse('2026-01-01T01:00:00Z');
const node: Node = { metadata: { name: 'n1' }, status: { capacity: { cpu: '4', memory: '8Gi' }, allocatable: { cpu: '2', memory: '4Gi', pods: '110' } } };
const pod = (name: string, resources: Pod['spec'], phase = 'Running'): Pod => ({
  metadata: { name, namespace: 'default', creationTimestamp: '2026-01-01T00:55:00Z' },
  spec: resources,
  status: { phase },
});
const web = pod('web', {
  containers: [
    { name: 'a', resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } } },
    { name: 'b', resources: { requests: { cpu: '150m' } } },
  ],
});

test('a pod’s requests: its containers’ sum, raised to a larger init container, plus overhead (PodRequestsAndLimits)', () => {
  const initHeavy = pod('init', {
    initContainers: [{ name: 'i', resources: { requests: { cpu: '1' } } }],
    containers: [{ name: 'a', resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '64Mi' } } }],
    overhead: { cpu: '10m', memory: '1Mi' },
  });
  const requests = podAmounts(initHeavy, 'requests');
  assert.equal(formatQuantity(requests.get('cpu')!), '1010m');
  assert.equal(formatQuantity(requests.get('memory')!), '65Mi');
  const limits = podAmounts(initHeavy, 'limits');
  assert.equal(limits.has('cpu'), false, 'overhead adds to limits only where the pod has one');
  assert.equal(formatQuantity(limits.get('memory')!), '65Mi');
});

test('Non-terminated Pods and Allocated resources against allocatable; finished pods are left out', () => {
  const text = nodeResourcesText(node, [web, pod('done', { containers: [{ name: 'x', resources: { requests: { cpu: '1' } } }] }, 'Succeeded')], now);
  assert.equal(
    text,
    [
      'Non-terminated Pods:  (1 in total)',
      '  Namespace   Name   CPU Requests   CPU Limits   Memory Requests   Memory Limits   Age',
      '  ---------   ----   ------------   ----------   ---------------   -------------   ---',
      '  default     web    250m (12%)     500m (25%)   128Mi (3%)        256Mi (6%)      5m',
      'Allocated resources:',
      '  (Total limits may be over 100 percent, i.e., overcommitted.)',
      '  Resource            Requests     Limits',
      '  --------            --------     ------',
      '  cpu                 250m (12%)   500m (25%)',
      '  memory              128Mi (3%)   256Mi (6%)',
      '  ephemeral-storage   0            0',
    ].join('\n'),
  );
});

test('describe node includes the sections when the pods on it are given', () => {
  const text = describeObject('Node', false, node, undefined, now, JSON.stringify, { podsOnNode: [web] });
  assert.match(text, /Conditions: {2}<none>\nNon-terminated Pods: {2}\(1 in total\)/);
  assert.doesNotMatch(describeObject('Node', false, node, undefined, now, JSON.stringify), /Non-terminated/);
});
