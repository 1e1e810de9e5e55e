import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '@wheelhouse/model';
import { info, makePod } from '../test-fixtures.js';
import { ERR_REASON_BIND_CONFLICT, ERR_REASON_NODE_CONFLICT, ERR_REASON_UNBOUND_IMMEDIATE, volumeBinding, type VolumeListers } from './volume-binding.js';

const pinned = (node: string) => ({ required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } });
const pv = (name: string, node: string, claimRef?: object): PersistentVolume =>
  ({
    metadata: { name },
    spec: {
      capacity: { storage: '5Gi' },
      accessModes: ['ReadWriteOnce'],
      storageClassName: 'local',
      nodeAffinity: pinned(node),
      local: { path: '/mnt' },
      ...(claimRef ? { claimRef } : {}),
    },
  }) as PersistentVolume;
const pvc = (name: string, className: string, volumeName?: string): PersistentVolumeClaim =>
  ({
    metadata: { name, namespace: 'default' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: className, ...(volumeName ? { volumeName } : {}) },
  }) as PersistentVolumeClaim;
const classes: StorageClass[] = [
  { metadata: { name: 'local' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' } as StorageClass,
  { metadata: { name: 'local-path' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' } as StorageClass,
  { metadata: { name: 'standard' }, provisioner: 'example.com/x', volumeBindingMode: 'Immediate' } as StorageClass,
];
const listers = (claims: PersistentVolumeClaim[], volumes: PersistentVolume[]): VolumeListers => ({
  claim: (_ns, name) => claims.find((c) => c.metadata.name === name),
  volume: (name) => volumes.find((v) => v.metadata.name === name),
  volumes: () => volumes,
  storageClass: (name) => classes.find((c) => c.metadata.name === name),
});
const withClaim = (claim: string): Pod => {
  const pod = makePod('p');
  return { ...pod, spec: { ...pod.spec!, volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }] } };
};
const run = (claims: PersistentVolumeClaim[], volumes: PersistentVolume[], node: string, claim = 'c') => {
  const n = info(node, { labels: { 'kubernetes.io/hostname': node } });
  return volumeBinding.filter(withClaim(claim), n, { nodeInfos: [n], volumes: listers(claims, volumes) });
};

// After volume_binding_test.go (TestVolumeBinding) and binder_test.go FindPodVolumes cases.
test('VolumeBinding filter', () => {
  const bound = pvc('c', 'local', 'pv-a');
  const boundVolume = pv('pv-a', 'node-a', { namespace: 'default', name: 'c' });
  assert.deepEqual(run([bound], [boundVolume], 'node-a'), { ok: true }, 'bound claim, volume on this node');
  assert.deepEqual(run([bound], [boundVolume], 'node-b'), { ok: false, reason: ERR_REASON_NODE_CONFLICT }, 'bound claim, volume on another node');
  assert.deepEqual(run([pvc('c', 'local', 'gone')], [], 'node-a'), { ok: false, reason: 'pvc(s) bound to non-existent pv(s)' });
  assert.deepEqual(run([], [], 'node-a'), { ok: false, reason: 'persistentvolumeclaim "c" not found' });
  assert.deepEqual(run([pvc('c', 'standard')], [], 'node-a'), { ok: false, reason: ERR_REASON_UNBOUND_IMMEDIATE }, 'unbound Immediate claim');
  assert.deepEqual(run([pvc('c', 'local')], [pv('pv-a', 'node-a')], 'node-a'), { ok: true }, 'delayed claim, a matching volume on this node');
  assert.deepEqual(run([pvc('c', 'local')], [pv('pv-a', 'node-a')], 'node-b'), { ok: false, reason: ERR_REASON_BIND_CONFLICT }, 'delayed claim, none on this node');
  assert.deepEqual(
    run([pvc('c', 'local')], [pv('pv-a', 'node-b', { namespace: 'default', name: 'other' })], 'node-b'),
    { ok: false, reason: ERR_REASON_BIND_CONFLICT },
    'a taken volume does not count',
  );
  assert.deepEqual(run([pvc('c', 'local-path')], [], 'node-b'), { ok: true }, 'local-path provisions on any node');
  assert.deepEqual(volumeBinding.filter(makePod('p'), info('n'), { nodeInfos: [] }), { ok: true }, 'no claims');
});
