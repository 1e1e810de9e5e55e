import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPod, defaultPodSpec } from './pod.js';

type Json = Record<string, any>;

const input = (): Json => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    initContainers: [{ name: 'init', image: 'busybox' }],
    containers: [
      {
        name: 'web',
        image: 'nginx:1.25',
        ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }],
        env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
        resources: { limits: { cpu: 0.5, memory: '128Mi' }, requests: { memory: '64Mi' } },
        livenessProbe: { httpGet: { port: 80 } },
        readinessProbe: { exec: { command: ['true'] }, periodSeconds: 5, failureThreshold: 0 },
        lifecycle: { preStop: { httpGet: { port: 80, path: '/quit' } } },
      },
    ],
    volumes: [
      { name: 'scratch' },
      { name: 'cfg', configMap: { name: 'c' } },
      { name: 'creds', secret: { secretName: 's', defaultMode: 0o400 } },
      { name: 'h', hostPath: { path: '/x' } },
    ],
  },
});

test('pod-level defaults', () => {
  const pod: Json = defaultPod(input());
  assert.deepEqual(
    { ...pod.spec, containers: undefined, initContainers: undefined, volumes: undefined },
    {
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
      enableServiceLinks: true,
      priority: 0,
      serviceAccountName: 'default',
      // The DefaultTolerationSeconds admission plugin's.
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      containers: undefined,
      initContainers: undefined,
      volumes: undefined,
    },
  );
  assert.deepEqual(pod.status, { phase: 'Pending' });
  assert.deepEqual(pod.metadata, { name: 'web', namespace: 'default' });
});

test('container defaults', () => {
  const pod: Json = defaultPod(input());
  const web = pod.spec.containers[0];
  assert.equal(web.terminationMessagePath, '/dev/termination-log');
  assert.equal(web.terminationMessagePolicy, 'File');
  assert.equal(web.imagePullPolicy, 'IfNotPresent');
  assert.deepEqual(web.ports, [
    { containerPort: 80, protocol: 'TCP' },
    { containerPort: 53, protocol: 'UDP' },
  ]);
  assert.deepEqual(web.env[0].valueFrom.fieldRef, { fieldPath: 'spec.nodeName', apiVersion: 'v1' });
  assert.deepEqual(web.livenessProbe, { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  assert.deepEqual(web.readinessProbe, { exec: { command: ['true'] }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 });
  assert.deepEqual(web.lifecycle.preStop.httpGet, { port: 80, path: '/quit', scheme: 'HTTP' });
  const init = pod.spec.initContainers[0];
  assert.equal(init.imagePullPolicy, 'Always', 'no tag means latest');
  assert.deepEqual(init.resources, {});
  assert.equal(init.terminationMessagePolicy, 'File');
});

test('requests default to limits, and numbers become quantity strings', () => {
  const web = (defaultPod(input()) as Json).spec.containers[0];
  assert.deepEqual(web.resources, { limits: { cpu: '500m', memory: '128Mi' }, requests: { memory: '64Mi', cpu: '500m' } });
  const only = defaultPodSpec({ containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: 2, 'example.com/gpu': '1' } } }] }) as Json;
  assert.deepEqual(only.containers[0].resources, { limits: { cpu: '2', 'example.com/gpu': '1' }, requests: { cpu: '2', 'example.com/gpu': '1' } });
});

test('volume defaults', () => {
  const volumes = (defaultPod(input()) as Json).spec.volumes;
  assert.deepEqual(volumes, [
    { name: 'scratch', emptyDir: {} },
    { name: 'cfg', configMap: { name: 'c', defaultMode: 0o644 } },
    { name: 'creds', secret: { secretName: 's', defaultMode: 0o400 } },
    { name: 'h', hostPath: { path: '/x', type: '' } },
  ]);
});

test('set values are kept', () => {
  const pod: Json = defaultPod({
    spec: {
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 0,
      dnsPolicy: 'Default',
      enableServiceLinks: false,
      priority: 1000,
      serviceAccountName: 'builder',
      containers: [{ name: 'a', image: 'x:latest', imagePullPolicy: 'Never', terminationMessagePolicy: 'FallbackToLogsOnError' }],
    },
    status: { phase: 'Running' },
  });
  assert.equal(pod.spec.restartPolicy, 'Never');
  assert.equal(pod.spec.terminationGracePeriodSeconds, 0);
  assert.equal(pod.spec.dnsPolicy, 'Default');
  assert.equal(pod.spec.enableServiceLinks, false);
  assert.equal(pod.spec.priority, 1000);
  assert.equal(pod.spec.serviceAccountName, 'builder');
  assert.equal(pod.spec.containers[0].imagePullPolicy, 'Never');
  assert.equal(pod.spec.containers[0].terminationMessagePolicy, 'FallbackToLogsOnError');
  assert.equal(pod.status.phase, 'Running');
  assert.equal((defaultPod({ spec: { serviceAccount: 'legacy' } }) as Json).spec.serviceAccountName, 'legacy');
});

test('hostNetwork makes container ports host ports', () => {
  const pod: Json = defaultPod({ spec: { hostNetwork: true, containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 9100 }] }] } });
  assert.deepEqual(pod.spec.containers[0].ports, [{ containerPort: 9100, hostPort: 9100, protocol: 'TCP' }]);
});

test('the input is never mutated, and defaulting is idempotent', () => {
  const original = input();
  const snapshot = structuredClone(original);
  const once = defaultPod(original);
  assert.deepEqual(original, snapshot);
  assert.notEqual(once, original);
  assert.deepEqual(defaultPod(once), once);
});

test('odd input does not throw', () => {
  for (const odd of [null, undefined, 1, 'x', [], {}, { spec: 'x' }, { spec: { containers: 'x' } }, { spec: { containers: [null, 1, { resources: 'x' }] } }, { status: 5 }]) {
    assert.doesNotThrow(() => defaultPod(odd));
  }
  assert.deepEqual(defaultPod({}), {
    spec: {
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
      enableServiceLinks: true,
      priority: 0,
      serviceAccountName: 'default',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: { phase: 'Pending' },
  });
});
