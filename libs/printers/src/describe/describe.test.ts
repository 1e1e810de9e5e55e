import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConfigMap, Pod, Secret } from '@wheelhouse/model';
import { describeObject } from './kinds.js';
import { formatRows, mapText } from './format.js';
import { eventsText, taintsText } from './sections.js';

const asYaml = (fields: Record<string, unknown>) => JSON.stringify(fields);

const now = Date.parse('2026-01-01T01:00:00Z');

test('rows align on the widest key; multi-line values line up', () => {
  assert.equal(
    formatRows([
      ['Name', 'web'],
      ['Labels', 'a=1\nb=2'],
    ]),
    'Name:    web\nLabels:  a=1\n         b=2',
  );
  assert.equal(mapText({}), '<none>');
});

test('events table and <none>', () => {
  assert.equal(eventsText([], now), 'Events:  <none>');
  const text = eventsText([{ metadata: {}, type: 'Normal', reason: 'Scheduled', lastTimestamp: '2026-01-01T00:59:00Z', source: { component: 'scheduler' }, message: 'ok' }], now);
  assert.equal(
    text,
    ['Events:', '  Type     Reason      Age   From        Message', '  ----     ------      ---   ----        -------', '  Normal   Scheduled   60s   scheduler   ok'].join('\n'),
  );
});

test('a pod: metadata, status, containers, conditions, events; last-applied is hidden', () => {
  const pod: Pod = {
    metadata: {
      name: 'web-1',
      namespace: 'shop',
      labels: { app: 'web' },
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
      creationTimestamp: '2026-01-01T00:00:00Z',
      ownerReferences: [{ kind: 'ReplicaSet', name: 'web-abc', controller: true }],
    },
    spec: { nodeName: 'n1', containers: [{ name: 'app', image: 'nginx' }] },
    status: {
      phase: 'Running',
      podIP: '10.0.0.1',
      containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: { running: { startedAt: 'x' } } }],
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
  const text = describeObject('Pod', true, pod, [], now, asYaml);
  for (const line of [
    'Name:               web-1',
    'Namespace:          shop',
    'Labels:             app=web',
    'Annotations:        <none>',
    'Controlled By:      ReplicaSet/web-abc',
    'Node:               n1',
    'Status:             Running',
    '    Image:          nginx',
    '    Ready:          True',
    'Conditions:',
    'Events:  <none>',
  ]) {
    assert.ok(text.includes(line), `missing ${JSON.stringify(line)} in\n${text}`);
  }
});

test('node taints read as kubectl prints them', () => {
  assert.equal(
    taintsText([
      { key: 'dedicated', value: 'batch', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
    ]),
    'dedicated=batch:NoSchedule\nnode.kubernetes.io/unschedulable:NoSchedule',
  );
  assert.equal(taintsText(undefined), '<none>');
});

test('kinds without a describer show their own fields through the fallback', () => {
  const text = describeObject('Lease', true, { metadata: { name: 'l', namespace: 'x' }, spec: { holderIdentity: 'me' } } as Pod, undefined, now, asYaml);
  assert.ok(text.endsWith('{"spec":{"holderIdentity":"me"}}\n'), text);
});

test('describe secret shows the type and sizes, never a value (describeSecret)', () => {
  const text = describeObject(
    'Secret',
    true,
    { metadata: { name: 's', namespace: 'x' }, type: 'Opaque', data: { password: 'c2VjcmV0', b: 'YQ==' } } as Secret,
    undefined,
    now,
    asYaml,
  );
  assert.ok(text.includes('\nType:  Opaque\n\nData\n====\nb:  1 bytes\npassword:  6 bytes\n'), text);
  assert.ok(!text.includes('c2VjcmV0'), 'no value');
});

test('describe configmap lists each key with its value, binary data by size', () => {
  const text = describeObject(
    'ConfigMap',
    true,
    { metadata: { name: 'c', namespace: 'x' }, data: { 'app.conf': 'a=1' }, binaryData: { logo: 'AAEC' } } as ConfigMap,
    undefined,
    now,
    asYaml,
  );
  assert.ok(text.includes('\nData\n====\napp.conf:\n----\na=1\n\n\nBinaryData\n====\nlogo: 3 bytes\n'), text);
});

test('containers: Last State after a restart, Limits and Requests by resource name', () => {
  const pod: Pod = {
    metadata: { name: 'web-1', namespace: 'shop' },
    spec: { containers: [{ name: 'app', image: 'nginx', resources: { limits: { memory: '128Mi', cpu: '500m' }, requests: { cpu: '250m' } } }] },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'app',
          ready: true,
          restartCount: 1,
          state: { running: { startedAt: '2026-01-01T00:30:00Z' } },
          lastState: { terminated: { reason: 'Error', exitCode: 1, startedAt: '2026-01-01T00:10:00Z', finishedAt: '2026-01-01T00:29:00Z' } },
        },
      ],
    },
  };
  const text = describeObject('Pod', true, pod, undefined, now, asYaml);
  const block = text.slice(text.indexOf('Containers:'), text.indexOf('Conditions:'));
  assert.equal(
    block,
    [
      'Containers:',
      '  app:',
      '    Image:          nginx',
      '    State:          Running',
      '      Started:      2026-01-01T00:30:00Z',
      '    Last State:     Terminated',
      '      Reason:       Error',
      '      Exit Code:    1',
      '      Started:      2026-01-01T00:10:00Z',
      '      Finished:     2026-01-01T00:29:00Z',
      '    Ready:          True',
      '    Restart Count:  1',
      '    Limits:',
      '      cpu:     500m',
      '      memory:  128Mi',
      '    Requests:',
      '      cpu:  250m',
      '    Environment:    <none>',
      '    Mounts:         <none>',
      '',
    ].join('\n'),
  );
});

test('a CronJob: kubectl describeCronJob rows, the Job template, last schedule and active Jobs', () => {
  const text = describeObject(
    'CronJob',
    true,
    {
      metadata: { name: 'hello', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: {
        schedule: '*/1 * * * *',
        concurrencyPolicy: 'Allow',
        suspend: false,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox:1.28' }] } } } },
      },
      status: { lastScheduleTime: '2026-01-01T00:59:00Z', active: [{ name: 'hello-29453939' }, { name: 'hello-29453940' }] },
    } as never,
    undefined,
    now,
    asYaml,
  );
  const lines = text.split('\n');
  for (const expected of [
    'Schedule:                      */1 * * * *',
    'Concurrency Policy:            Allow',
    'Suspend:                       False',
    'Successful Job History Limit:  3',
    'Failed Job History Limit:      1',
    'Starting Deadline Seconds:     <unset>',
    'Selector:                      <unset>',
    'Parallelism:                   <unset>',
    'Completions:                   <unset>',
    'Pod Template:',
    'Last Schedule Time:  Thu, 01 Jan 2026 00:59:00 +0000',
    'Active Jobs:         hello-29453939, hello-29453940',
  ]) {
    assert.ok(lines.includes(expected), `missing line ${JSON.stringify(expected)} in\n${text}`);
  }
  assert.ok(lines.indexOf('Completions:                   <unset>') < lines.indexOf('Pod Template:'));
  assert.ok(lines.indexOf('Pod Template:') < lines.indexOf('Last Schedule Time:  Thu, 01 Jan 2026 00:59:00 +0000'));
});
