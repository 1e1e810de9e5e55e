import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validatePodSpec } from './pod.js';
import { fullText, specWithContainer, summarise, validSpec } from './fixtures.js';

type Case = [name: string, spec: unknown, expected: string[]];

function run(cases: Case[]) {
  for (const [name, spec, expected] of cases) assert.deepEqual(summarise(validatePodSpec(spec)), expected, name);
}

test('a minimal and a full pod spec are valid', () => {
  assert.deepEqual(validatePodSpec(validSpec()), []);
  const full = validSpec({
    initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'true'] }],
    containers: [
      {
        name: 'web',
        image: 'registry.local:5000/web@sha256:abc',
        imagePullPolicy: 'IfNotPresent',
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'EMPTY' }],
        resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: 1, memory: '128Mi' } },
        livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, initialDelaySeconds: 5 },
        readinessProbe: { tcpSocket: { port: 8080 }, successThreshold: 3 },
        startupProbe: { exec: { command: ['true'] }, failureThreshold: 30 },
        lifecycle: { preStop: { sleep: { seconds: 5 } } },
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
      },
    ],
    volumes: [{ name: 'data', emptyDir: {} }],
    restartPolicy: 'OnFailure',
    dnsPolicy: 'ClusterFirstWithHostNet',
    terminationGracePeriodSeconds: 45,
    activeDeadlineSeconds: 600,
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
    nodeName: 'node-1.example',
    serviceAccountName: 'default',
  });
  assert.deepEqual(validatePodSpec(full), []);
});

test('containers and their names', () => {
  run([
    ['containers required', {}, ['spec.containers Required']],
    ['containers not empty', { containers: [] }, ['spec.containers Required']],
    ['containers must be a list', { containers: {} }, ['spec.containers Invalid']],
    ['container must be an object', { containers: ['x'] }, ['spec.containers[0] Invalid']],
    ['name required', { containers: [{ image: 'x' }] }, ['spec.containers[0].name Required']],
    ['name is a DNS label', { containers: [{ name: 'Web', image: 'x' }] }, ['spec.containers[0].name Invalid']],
    ['name without dots', { containers: [{ name: 'a.b', image: 'x' }] }, ['spec.containers[0].name Invalid']],
    ['image required', { containers: [{ name: 'a' }] }, ['spec.containers[0].image Required']],
    ['image empty', { containers: [{ name: 'a', image: '' }] }, ['spec.containers[0].image Required']],
    [
      'duplicate app names',
      {
        containers: [
          { name: 'a', image: 'x' },
          { name: 'a', image: 'y' },
        ],
      },
      ['spec.containers[1].name Duplicate'],
    ],
    ['init container clashes with app container', validSpec({ initContainers: [{ name: 'app', image: 'x' }] }), ['spec.initContainers[0].name Duplicate']],
    [
      'duplicate init names',
      validSpec({
        initContainers: [
          { name: 'i', image: 'x' },
          { name: 'i', image: 'x' },
        ],
      }),
      ['spec.initContainers[1].name Duplicate'],
    ],
    ['pull policy', specWithContainer({ imagePullPolicy: 'Sometimes' }), ['spec.containers[0].imagePullPolicy NotSupported']],
    ['termination message policy', specWithContainer({ terminationMessagePolicy: 'Logs' }), ['spec.containers[0].terminationMessagePolicy NotSupported']],
    ['command must be strings', specWithContainer({ command: ['sh', 1] }), ['spec.containers[0].command[1] Invalid']],
    ['restartPolicy only on init containers', specWithContainer({ restartPolicy: 'Always' }), ['spec.containers[0].restartPolicy Forbidden']],
    [
      'init restartPolicy is Always or nothing',
      validSpec({ initContainers: [{ name: 'i', image: 'x', restartPolicy: 'Never' }] }),
      ['spec.initContainers[0].restartPolicy NotSupported'],
    ],
  ]);
});

test('container ports', () => {
  const ports = (p: unknown[]) => specWithContainer({ ports: p });
  run([
    ['valid', ports([{ containerPort: 80 }, { name: 'metrics', containerPort: 9090, protocol: 'UDP' }, { containerPort: 81, protocol: 'SCTP' }]), []],
    ['containerPort required', ports([{ name: 'http' }]), ['spec.containers[0].ports[0].containerPort Required']],
    ['containerPort 0', ports([{ containerPort: 0 }]), ['spec.containers[0].ports[0].containerPort Required']],
    ['containerPort too big', ports([{ containerPort: 65536 }]), ['spec.containers[0].ports[0].containerPort Invalid']],
    ['containerPort negative', ports([{ containerPort: -1 }]), ['spec.containers[0].ports[0].containerPort Invalid']],
    ['containerPort not an integer', ports([{ containerPort: 80.5 }]), ['spec.containers[0].ports[0].containerPort Invalid']],
    ['hostPort range', ports([{ containerPort: 80, hostPort: 70000 }]), ['spec.containers[0].ports[0].hostPort Invalid']],
    ['protocol', ports([{ containerPort: 80, protocol: 'tcp' }]), ['spec.containers[0].ports[0].protocol NotSupported']],
    ['protocol empty', ports([{ containerPort: 80, protocol: '' }]), ['spec.containers[0].ports[0].protocol Required']],
    ['name too long', ports([{ name: 'a-very-long-port-name', containerPort: 80 }]), ['spec.containers[0].ports[0].name Invalid']],
    ['name 15 chars', ports([{ name: 'abcdefghijklmno', containerPort: 80 }]), []],
    // Kubernetes lists every broken rule: wrong characters, and no lower-case letter.
    ['name upper case', ports([{ name: 'HTTP', containerPort: 80 }]), ['spec.containers[0].ports[0].name Invalid', 'spec.containers[0].ports[0].name Invalid']],
    ['name needs a letter', ports([{ name: '8080', containerPort: 80 }]), ['spec.containers[0].ports[0].name Invalid']],
    [
      'duplicate names',
      ports([
        { name: 'http', containerPort: 80 },
        { name: 'http', containerPort: 81 },
      ]),
      ['spec.containers[0].ports[1].name Duplicate'],
    ],
    ['hostIP', ports([{ containerPort: 80, hostIP: 'localhost' }]), ['spec.containers[0].ports[0].hostIP Invalid']],
    [
      'host ports collide across containers',
      validSpec({
        containers: [
          { name: 'a', image: 'x', ports: [{ containerPort: 80, hostPort: 8080 }] },
          { name: 'b', image: 'x', ports: [{ containerPort: 81, hostPort: 8080, protocol: 'TCP' }] },
        ],
      }),
      ['spec.containers[1].ports[0].hostPort Duplicate'],
    ],
    [
      'hostNetwork needs equal ports',
      specWithContainer({ ports: [{ containerPort: 80, hostPort: 8080 }] }, { hostNetwork: true }),
      ['spec.containers[0].ports[0].containerPort Invalid'],
    ],
  ]);
});

test('pod-level fields', () => {
  run([
    ['restartPolicy', validSpec({ restartPolicy: 'Sometimes' }), ['spec.restartPolicy NotSupported']],
    ['restartPolicy empty', validSpec({ restartPolicy: '' }), ['spec.restartPolicy Required']],
    ['dnsPolicy', validSpec({ dnsPolicy: 'Cluster' }), ['spec.dnsPolicy NotSupported']],
    ['dnsPolicy None needs dnsConfig', validSpec({ dnsPolicy: 'None' }), ['spec.dnsConfig Required']],
    ['dnsPolicy None needs a nameserver', validSpec({ dnsPolicy: 'None', dnsConfig: {} }), ['spec.dnsConfig.nameservers Required']],
    ['dnsPolicy None with a nameserver', validSpec({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'], searches: ['svc.cluster.local.'] } }), []],
    [
      'dnsConfig contents',
      validSpec({ dnsConfig: { nameservers: ['1.1.1.1', 'x', '8.8.8.8', '9.9.9.9'], searches: ['Bad'], options: [{ value: '1' }] } }),
      ['spec.dnsConfig.nameservers Invalid', 'spec.dnsConfig.nameservers[1] Invalid', 'spec.dnsConfig.searches[0] Invalid', 'spec.dnsConfig.options[0] Required'],
    ],
    ['terminationGracePeriodSeconds 0', validSpec({ terminationGracePeriodSeconds: 0 }), []],
    ['terminationGracePeriodSeconds negative', validSpec({ terminationGracePeriodSeconds: -1 }), ['spec.terminationGracePeriodSeconds Invalid']],
    ['activeDeadlineSeconds 1', validSpec({ activeDeadlineSeconds: 1 }), []],
    ['activeDeadlineSeconds 0', validSpec({ activeDeadlineSeconds: 0 }), ['spec.activeDeadlineSeconds Invalid']],
    ['activeDeadlineSeconds beyond int32', validSpec({ activeDeadlineSeconds: 2 ** 31 }), ['spec.activeDeadlineSeconds Invalid']],
    ['nodeSelector key', validSpec({ nodeSelector: { 'bad key': 'x' } }), ['spec.nodeSelector Invalid']],
    ['nodeSelector value', validSpec({ nodeSelector: { zone: 'a b' } }), ['spec.nodeSelector[zone] Invalid']],
    ['nodeName', validSpec({ nodeName: 'Node_1' }), ['spec.nodeName Invalid']],
    ['serviceAccountName', validSpec({ serviceAccountName: 'Default' }), ['spec.serviceAccountName Invalid']],
    ['hostname', validSpec({ hostname: 'a.b' }), ['spec.hostname Invalid']],
    ['hostNetwork type', validSpec({ hostNetwork: 'yes' }), ['spec.hostNetwork Invalid']],
    ['spec not an object', 'x', ['spec Invalid', 'spec.containers Required']],
  ]);
  assert.deepEqual(fullText(validatePodSpec(validSpec({ restartPolicy: 'Sometimes' }))), [
    'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
  ]);
  assert.deepEqual(fullText(validatePodSpec(validSpec({ activeDeadlineSeconds: 0 }))), [
    'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
  ]);
});

test('tolerations', () => {
  const tolerations = (t: unknown[]) => validSpec({ tolerations: t });
  run([
    [
      'valid',
      tolerations([
        { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
        { key: 'dedicated', value: 'gpu' },
        { operator: 'Exists' },
        { key: 'k', operator: 'Exists', effect: 'PreferNoSchedule' },
        { key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 },
      ]),
      [],
    ],
    ['operator', tolerations([{ key: 'k', operator: 'In' }]), ['spec.tolerations[0].operator NotSupported']],
    ['Exists with a value', tolerations([{ key: 'k', operator: 'Exists', value: 'v' }]), ['spec.tolerations[0].operator Invalid']],
    ['empty key needs Exists', tolerations([{ operator: 'Equal', value: 'v' }]), ['spec.tolerations[0].operator Invalid']],
    ['effect', tolerations([{ key: 'k', operator: 'Exists', effect: 'NoRun' }]), ['spec.tolerations[0].effect NotSupported']],
    ['tolerationSeconds needs NoExecute', tolerations([{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }]), ['spec.tolerations[0].effect Invalid']],
    ['tolerationSeconds without effect', tolerations([{ key: 'k', operator: 'Exists', tolerationSeconds: 5 }]), ['spec.tolerations[0].effect Invalid']],
    ['key is a qualified name', tolerations([{ key: 'bad key', operator: 'Exists' }]), ['spec.tolerations[0].key Invalid']],
    ['value is a label value', tolerations([{ key: 'k', value: 'a b' }]), ['spec.tolerations[0].operator Invalid']],
  ]);
});
