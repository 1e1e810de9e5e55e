import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarise } from './fixtures.js';
import {
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeUpdate,
  validateStorageClass,
  validateStorageClassUpdate,
} from './storage.js';

const local = { path: '/data/disk1' };
const affinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-a'] }] }] } };
const pv = (spec: Record<string, unknown>) => ({
  metadata: { name: 'pv' },
  spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/srv/pv' }, ...spec },
});

// After TestValidatePersistentVolumes (pkg/apis/core/validation).
test('PersistentVolume', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['good hostPath volume', {}, []],
    ['good local volume', { hostPath: undefined, local, nodeAffinity: affinity }, []],
    ['local needs node affinity', { hostPath: undefined, local }, ['spec.nodeAffinity Required']],
    ['invalid accessMode', { accessModes: ['fakemode'] }, ['spec.accessModes NotSupported']],
    ['missing accessModes', { accessModes: undefined }, ['spec.accessModes Required']],
    ['ReadWriteOncePod alone', { accessModes: ['ReadWriteOncePod', 'ReadWriteMany'] }, ['spec.accessModes Forbidden']],
    ['missing capacity', { capacity: undefined }, ['spec.capacity Required']],
    ['capacity is storage only', { capacity: { storage: '1Gi', cpu: '1' } }, ['spec.capacity NotSupported']],
    ['zero capacity', { capacity: { storage: '0' } }, ['spec.capacity[storage] Invalid']],
    ['unexpected reclaim policy', { persistentVolumeReclaimPolicy: 'fakeReclaimPolicy' }, ['spec.persistentVolumeReclaimPolicy NotSupported']],
    ['Recycle refused', { persistentVolumeReclaimPolicy: 'Recycle' }, ['spec.persistentVolumeReclaimPolicy Forbidden']],
    ['no volume type', { hostPath: undefined }, ['spec Required']],
    ['more than one volume type', { local, nodeAffinity: affinity }, ['spec.local Forbidden']],
    ['unsupported volume type', { hostPath: undefined, nfs: { server: 'x', path: '/' } }, ['spec.nfs Forbidden']],
    ['hostPath with ..', { hostPath: { path: '/a/../b' } }, ['spec.hostPath.path Invalid']],
    ['bad storageClassName', { storageClassName: '-invalid-' }, ['spec.storageClassName Invalid']],
    ['Block refused', { volumeMode: 'Block' }, ['spec.volumeMode Forbidden']],
    ['node affinity needs terms', { nodeAffinity: { required: { nodeSelectorTerms: [] } } }, ['spec.nodeAffinity.required.nodeSelectorTerms Required']],
    ['claimRef needs a namespace', { claimRef: { name: 'c' } }, ['spec.claimRef.namespace Required']],
  ];
  for (const [name, spec, expected] of cases) assert.deepEqual(summarise(validatePersistentVolume(pv(spec))), expected, name);
  const before = pv({});
  assert.deepEqual(summarise(validatePersistentVolumeUpdate(pv({ hostPath: { path: '/other' } }), before)), ['spec.persistentvolumesource Forbidden']);
  assert.deepEqual(summarise(validatePersistentVolumeUpdate(pv({ claimRef: { namespace: 'a', name: 'b' }, persistentVolumeReclaimPolicy: 'Delete' }), before)), []);
});

const pvc = (spec: Record<string, unknown>) => ({
  metadata: { name: 'c', namespace: 'ns' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
});

// After TestValidatePersistentVolumeClaim and TestValidatePersistentVolumeClaimUpdate.
test('PersistentVolumeClaim', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['good claim', { selector: { matchLabels: { tier: 'db' } }, storageClassName: 'local-path' }, []],
    ['missing accessModes', { accessModes: [] }, ['spec.accessModes Required']],
    ['invalid accessMode', { accessModes: ['fakemode'] }, ['spec.accessModes NotSupported']],
    ['missing storage request', { resources: { requests: {} } }, ['spec.resources.requests[storage] Required']],
    ['negative storage request', { resources: { requests: { storage: '-10G' } } }, ['spec.resources.requests[storage] Invalid']],
    ['zero storage request', { resources: { requests: { storage: '0G' } } }, ['spec.resources.requests[storage] Invalid']],
    ['invalid label selector', { selector: { matchExpressions: [{ key: 'k', operator: 'InvalidOp' }] } }, ['spec.selector.matchExpressions[0].operator NotSupported']],
    ['dataSource refused', { dataSource: { kind: 'PersistentVolumeClaim', name: 'src' } }, ['spec.dataSource Forbidden']],
  ];
  for (const [name, spec, expected] of cases) assert.deepEqual(summarise(validatePersistentVolumeClaim(pvc(spec))), expected, name);
  assert.deepEqual(summarise(validatePersistentVolumeClaimUpdate(pvc({ volumeName: 'pv-1' }), pvc({}))), [], 'the binder sets volumeName once');
  assert.deepEqual(summarise(validatePersistentVolumeClaimUpdate(pvc({ volumeName: 'pv-2' }), pvc({ volumeName: 'pv-1' }))), ['spec Forbidden']);
  assert.deepEqual(summarise(validatePersistentVolumeClaimUpdate(pvc({ accessModes: ['ReadWriteMany'] }), pvc({}))), ['spec Forbidden']);
  assert.deepEqual(summarise(validatePersistentVolumeClaimUpdate(pvc({ resources: { requests: { storage: '2Gi' } } }), pvc({}))), ['spec.resources.requests Forbidden']);
});

// After TestValidateStorageClass and TestValidateStorageClassUpdate (pkg/apis/storage/validation).
test('StorageClass', () => {
  const sc = (fields: Record<string, unknown>) => ({
    metadata: { name: 'sc' },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    ...fields,
  });
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['good class', { parameters: { nodePath: '/opt/local-path' } }, []],
    ['missing provisioner', { provisioner: '' }, ['provisioner Required']],
    ['invalid provisioner', { provisioner: 'kubernetes.io/invalid/provisioner' }, ['provisioner Invalid']],
    ['invalid reclaimpolicy', { reclaimPolicy: 'invalid' }, ['reclaimPolicy NotSupported']],
    ['invalid binding mode', { volumeBindingMode: 'invalid' }, ['volumeBindingMode NotSupported']],
    ['empty parameter name', { parameters: { '': 'value' } }, ['parameters Invalid']],
    ['expansion refused', { allowVolumeExpansion: true }, ['allowVolumeExpansion Forbidden']],
  ];
  for (const [name, fields, expected] of cases) assert.deepEqual(summarise(validateStorageClass(sc(fields))), expected, name);
  assert.deepEqual(summarise(validateStorageClassUpdate(sc({ parameters: { a: 'b' } }), sc({}))), ['parameters Forbidden']);
  assert.deepEqual(summarise(validateStorageClassUpdate(sc({ reclaimPolicy: 'Retain' }), sc({}))), ['reclaimPolicy Forbidden']);
  assert.deepEqual(summarise(validateStorageClassUpdate(sc({ volumeBindingMode: 'Immediate' }), sc({}))), ['volumeBindingMode Invalid']);
  assert.deepEqual(summarise(validateStorageClassUpdate(sc({ metadata: { name: 'sc', labels: { a: 'b' } } }), sc({}))), []);
});
