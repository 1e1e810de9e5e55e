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
    ['unsupported source', [{ name: 'a', persistentVolumeClaim: { claimName: 'c' } }], ['spec.volumes[0].persistentVolumeClaim Forbidden']],
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
    ['Bidirectional when privileged', [{ name: 'data', mountPath: '/d', mountPropagation: 'Bidirectional' }], [], { securityContext: { privileged: true } }],
  ];
  for (const [name, mounts, expected, container] of cases) {
    assert.deepEqual(summarise(validatePodSpec(withVolumes(data, mounts, container))), expected, name);
  }
  const initMount = validSpec({ volumes: data, initContainers: [{ name: 'init', image: 'x', volumeMounts: [{ name: 'nope', mountPath: '/n' }] }] });
  assert.deepEqual(summarise(validatePodSpec(initMount)), ['spec.initContainers[0].volumeMounts[0].name Invalid']);
});
