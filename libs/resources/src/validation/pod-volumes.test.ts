import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validatePodSpec } from './pod.js';
import { summarise, validSpec } from './fixtures.js';

const withVolumes = (volumes: unknown[], mounts: unknown[] = [], container: Record<string, unknown> = {}) =>
  validSpec({ volumes, containers: [{ name: 'app', image: 'x', volumeMounts: mounts, ...container }] });

test('volumes', () => {
  const cases: [string, unknown[], string[]][] = [
    [
      'each supported source',
      [
        { name: 'scratch', emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } },
        { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
        { name: 'cfg', configMap: { name: 'app-config', items: [{ key: 'app.yaml', path: 'conf/app.yaml', mode: 0o600 }] } },
        { name: 'creds', secret: { secretName: 'db', defaultMode: 0o400 } },
      ],
      [],
    ],
    ['name required', [{ emptyDir: {} }], ['spec.volumes[0].name Required']],
    ['name is a DNS label', [{ name: 'Data', emptyDir: {} }], ['spec.volumes[0].name Invalid']],
    [
      'duplicate names',
      [
        { name: 'a', emptyDir: {} },
        { name: 'a', emptyDir: {} },
      ],
      ['spec.volumes[1].name Duplicate'],
    ],
    ['a source is required', [{ name: 'a' }], ['spec.volumes[0] Required']],
    ['only one source', [{ name: 'a', emptyDir: {}, hostPath: { path: '/x' } }], ['spec.volumes[0].hostPath Forbidden']],
    ['unsupported source', [{ name: 'a', nfs: { server: 'nfs', path: '/' } }], ['spec.volumes[0].nfs Forbidden']],
    ['persistentVolumeClaim', [{ name: 'a', persistentVolumeClaim: { claimName: 'c', readOnly: true } }], []],
    ['persistentVolumeClaim needs a claimName', [{ name: 'a', persistentVolumeClaim: {} }], ['spec.volumes[0].persistentVolumeClaim.claimName Required']],
    ['hostPath needs a path', [{ name: 'a', hostPath: {} }], ['spec.volumes[0].hostPath.path Required']],
    ['hostPath without ..', [{ name: 'a', hostPath: { path: '/var/../etc' } }], ['spec.volumes[0].hostPath.path Invalid']],
    ['hostPath type', [{ name: 'a', hostPath: { path: '/x', type: 'Dir' } }], ['spec.volumes[0].hostPath.type NotSupported']],
    ['configMap needs a name', [{ name: 'a', configMap: {} }], ['spec.volumes[0].configMap.name Required']],
    ['secret needs a secretName', [{ name: 'a', secret: {} }], ['spec.volumes[0].secret.secretName Required']],
    ['file mode range', [{ name: 'a', secret: { secretName: 's', defaultMode: 0o1000 } }], ['spec.volumes[0].secret.defaultMode Invalid']],
    ['item path stays inside', [{ name: 'a', configMap: { name: 'c', items: [{ key: 'k', path: '/etc/passwd' }] } }], ['spec.volumes[0].configMap.items[0].path Invalid']],
    ['item path not ..', [{ name: 'a', configMap: { name: 'c', items: [{ key: 'k', path: '..data' }] } }], ['spec.volumes[0].configMap.items[0].path Invalid']],
    ['emptyDir sizeLimit syntax', [{ name: 'a', emptyDir: { sizeLimit: 'big' } }], ['spec.volumes[0].emptyDir.sizeLimit Invalid']],
    ['emptyDir negative sizeLimit', [{ name: 'a', emptyDir: { sizeLimit: '-1Gi' } }], ['spec.volumes[0].emptyDir.sizeLimit Forbidden']],
    ['emptyDir medium', [{ name: 'a', emptyDir: { medium: 'Disk' } }], ['spec.volumes[0].emptyDir.medium NotSupported']],
    ['emptyDir HugePages refused', [{ name: 'a', emptyDir: { medium: 'HugePages-2Mi' } }], ['spec.volumes[0].emptyDir.medium Forbidden']],
    // Upstream TestValidateVolumes: downwardAPI and projected cases.
    [
      'downwardAPI fields and resources',
      [
        {
          name: 'a',
          downwardAPI: {
            defaultMode: 0o644,
            items: [
              { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
              { path: 'one', fieldRef: { fieldPath: "metadata.annotations['build']" } },
              { path: 'cpu', resourceFieldRef: { containerName: 'app', resource: 'limits.cpu', divisor: '1m' } },
            ],
          },
        },
      ],
      [],
    ],
    [
      'downwardAPI field not for volumes',
      [{ name: 'a', downwardAPI: { items: [{ path: 'ip', fieldRef: { fieldPath: 'status.podIP' } }] } }],
      ['spec.volumes[0].downwardAPI.items[0].fieldRef.fieldPath NotSupported'],
    ],
    ['downwardAPI needs a source', [{ name: 'a', downwardAPI: { items: [{ path: 'x' }] } }], ['spec.volumes[0].downwardAPI.items[0] Required']],
    [
      'downwardAPI not both',
      [{ name: 'a', downwardAPI: { items: [{ path: 'x', fieldRef: { fieldPath: 'metadata.name' }, resourceFieldRef: { containerName: 'app', resource: 'limits.cpu' } }] } }],
      ['spec.volumes[0].downwardAPI.items[0] Invalid'],
    ],
    [
      'downwardAPI resource needs containerName',
      [{ name: 'a', downwardAPI: { items: [{ path: 'x', resourceFieldRef: { resource: 'limits.cpu' } }] } }],
      ['spec.volumes[0].downwardAPI.items[0].resourceFieldRef.containerName Required'],
    ],
    [
      'downwardAPI path stays inside',
      [{ name: 'a', downwardAPI: { items: [{ path: '../x', fieldRef: { fieldPath: 'metadata.name' } }] } }],
      ['spec.volumes[0].downwardAPI.items[0].path Invalid', 'spec.volumes[0].downwardAPI.items[0].path Invalid'],
    ],
    [
      'projected configMap, secret and downwardAPI',
      [
        {
          name: 'a',
          projected: {
            sources: [
              { configMap: { name: 'c', items: [{ key: 'k', path: 'k' }] } },
              { secret: { name: 's' } },
              { downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name' } }] } },
            ],
          },
        },
      ],
      [],
    ],
    [
      'projected duplicate paths',
      [{ name: 'a', projected: { sources: [{ configMap: { name: 'c', items: [{ key: 'k', path: 'p' }] } }, { secret: { name: 's', items: [{ key: 'k', path: 'p' }] } }] } }],
      ['spec.volumes[0].projected Invalid'],
    ],
    [
      'projected one kind per source',
      [{ name: 'a', projected: { sources: [{ configMap: { name: 'c' }, secret: { name: 's' } }] } }],
      ['spec.volumes[0].projected.sources[0] Forbidden'],
    ],
    ['projected source name', [{ name: 'a', projected: { sources: [{ secret: {} }] } }], ['spec.volumes[0].projected.sources[0].secret.name Required']],
    [
      'projected serviceAccountToken refused',
      [{ name: 'a', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } }],
      ['spec.volumes[0].projected.sources[0].serviceAccountToken Forbidden'],
    ],
  ];
  for (const [name, volumes, expected] of cases) assert.deepEqual(summarise(validatePodSpec(withVolumes(volumes))), expected, name);
});

test('volume mounts', () => {
  const data = [{ name: 'data', emptyDir: {} }];
  const at = (suffix: string) => `spec.containers[0].volumeMounts[0].${suffix}`;
  const cases: [string, unknown[], string[], Record<string, unknown>?][] = [
    ['valid', [{ name: 'data', mountPath: '/data', readOnly: true, subPath: 'sub/dir' }], []],
    ['unknown volume', [{ name: 'cache', mountPath: '/cache' }], [`${at('name')} Invalid`]],
    ['name required', [{ mountPath: '/data' }], [`${at('name')} Required`]],
    ['mountPath required', [{ name: 'data' }], [`${at('mountPath')} Required`]],
    [
      'mountPath unique',
      [
        { name: 'data', mountPath: '/d' },
        { name: 'data', mountPath: '/d' },
      ],
      ['spec.containers[0].volumeMounts[1].mountPath Invalid'],
    ],
    ['subPath relative', [{ name: 'data', mountPath: '/d', subPath: '/abs' }], [`${at('subPath')} Invalid`]],
    ['subPath without ..', [{ name: 'data', mountPath: '/d', subPath: 'a/../..' }], [`${at('subPath')} Invalid`]],
    ['mountPropagation value', [{ name: 'data', mountPath: '/d', mountPropagation: 'Shared' }], [`${at('mountPropagation')} NotSupported`]],
    ['Bidirectional needs privilege', [{ name: 'data', mountPath: '/d', mountPropagation: 'Bidirectional' }], [`${at('mountPropagation')} Forbidden`]],
    // Upstream accepts these; Wheelhouse's private mount namespaces cannot honour them, so they are refused.
    [
      'Bidirectional when privileged',
      [{ name: 'data', mountPath: '/d', mountPropagation: 'Bidirectional' }],
      [`${at('mountPropagation')} Forbidden`],
      { securityContext: { privileged: true } },
    ],
    ['HostToContainer', [{ name: 'data', mountPath: '/d', mountPropagation: 'HostToContainer' }], [`${at('mountPropagation')} Forbidden`]],
    ['None', [{ name: 'data', mountPath: '/d', mountPropagation: 'None' }], []],
  ];
  for (const [name, mounts, expected, container] of cases) {
    assert.deepEqual(summarise(validatePodSpec(withVolumes(data, mounts, container))), expected, name);
  }
  const initMount = validSpec({ volumes: data, initContainers: [{ name: 'init', image: 'x', volumeMounts: [{ name: 'nope', mountPath: '/n' }] }] });
  assert.deepEqual(summarise(validatePodSpec(initMount)), ['spec.initContainers[0].volumeMounts[0].name Invalid']);
});
