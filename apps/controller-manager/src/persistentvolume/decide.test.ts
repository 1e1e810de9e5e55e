import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '@wheelhouse/model';
import {
  ANN_BIND_COMPLETED,
  ANN_DEFAULT_CLASS,
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  decideClaim,
  decideVolume,
  finalizerChange,
  findMatchingVolume,
  LOCAL_PATH_PROVISIONER,
} from './decide.js';

const volume = (
  name: string,
  size: string,
  extra: Partial<NonNullable<PersistentVolume['spec']>> = {},
  phase = 'Available',
  labels: Record<string, string> = {},
): PersistentVolume =>
  ({
    metadata: { name, labels },
    spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], storageClassName: '', volumeMode: 'Filesystem', hostPath: { path: `/srv/${name}` }, ...extra },
    status: { phase },
  }) as PersistentVolume;
const claim = (name: string, size: string, extra: Partial<NonNullable<PersistentVolumeClaim['spec']>> = {}, annotations: Record<string, string> = {}): PersistentVolumeClaim =>
  ({
    metadata: { name, namespace: 'ns', uid: `uid-${name}`, annotations },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, storageClassName: '', ...extra },
    status: { phase: 'Pending' },
  }) as PersistentVolumeClaim;
const sc = (name: string, provisioner: string, mode: string, isDefault = false): StorageClass =>
  ({
    metadata: { name, creationTimestamp: '2026-01-01T00:00:00Z', annotations: isDefault ? { [ANN_DEFAULT_CLASS]: 'true' } : {} },
    provisioner,
    volumeBindingMode: mode,
    reclaimPolicy: 'Delete',
  }) as StorageClass;
const world = (volumes: PersistentVolume[], classes: StorageClass[] = [], nodeDirs = new Map<string, string>()) => ({ volumes, classes, nodeDirs });

// After pkg/controller/volume/persistentvolume index_test.go TestMatchVolume and binder_test.go TestSync.
test('findMatchingVolume: smallest that fits; class, modes, selector, pre-binding', () => {
  const vols = [
    volume('gce-1', '1G'),
    volume('gce-5', '5G'),
    volume('gce-10', '10G', { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] }),
    volume('fast', '5G', { storageClassName: 'fast' }),
    volume('labelled', '8G', {}, 'Available', { tier: 'db' }),
  ];
  const cases: [string, PersistentVolumeClaim, string | undefined][] = [
    ['successful-match-gce-10', claim('c', '8G', { accessModes: ['ReadOnlyMany'] }), 'gce-10'],
    ['smallest that fits', claim('c', '2G'), 'gce-5'],
    ['exact size', claim('c', '1G'), 'gce-1'],
    ['too big for all', claim('c', '20G'), undefined],
    ['class must match', claim('c', '1G', { storageClassName: 'fast' }), 'fast'],
    ['selector', claim('c', '1G', { selector: { matchLabels: { tier: 'db' } } }), 'labelled'],
    ['ReadWriteMany matches nothing', claim('c', '1G', { accessModes: ['ReadWriteMany'] }), undefined],
  ];
  for (const [name, c, expected] of cases) assert.equal(findMatchingVolume(c, vols, undefined, false)?.metadata.name, expected, name);
  const prebound = volume('pre', '1G', { claimRef: { namespace: 'ns', name: 'other' } });
  assert.equal(findMatchingVolume(claim('c', '1G'), [prebound], undefined, false), undefined, 'a volume pre-bound to another claim is not taken');
  assert.equal(findMatchingVolume(claim('other', '1G'), [volume('gce-1', '1G'), prebound], undefined, false)?.metadata.name, 'pre', 'a volume pre-bound to the claim wins');
  const pinned = volume('local-a', '1G', {
    nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['a'] }] }] } },
  });
  assert.equal(findMatchingVolume(claim('c', '1G'), [pinned], undefined, true), undefined, 'delayed binding without a node binds nothing');
  assert.equal(findMatchingVolume(claim('c', '1G'), [pinned], 'b', true), undefined);
  assert.equal(findMatchingVolume(claim('c', '1G'), [pinned], 'a', true)?.metadata.name, 'local-a');
});

test('decideClaim', () => {
  // 1-1 - noop / 1-2 - bind
  assert.deepEqual(decideClaim(claim('c', '1G'), world([volume('v', '1G')])), { type: 'bind', volume: 'v' });
  // 1-3 - no matching volume, no class
  assert.deepEqual(decideClaim(claim('c', '10G'), world([volume('v', '1G')])).type, 'pending');
  // 2-x: pre-bound claims
  assert.deepEqual(decideClaim(claim('c', '1G', { volumeName: 'v' }), world([volume('v', '1G')])), { type: 'bind', volume: 'v' });
  assert.equal(
    decideClaim(claim('c', '1G', { volumeName: 'v' }), world([volume('v', '1G', { claimRef: { namespace: 'ns', name: 'x', uid: 'u' } })])).type,
    'pending',
    'volume bound to a different claim',
  );
  assert.equal(decideClaim(claim('c', '1G', { volumeName: 'gone' }, { [ANN_BIND_COMPLETED]: 'yes' }), world([])).type, 'lost', '3-x: bound claim whose volume disappeared');
  // Default class assignment for an unset class only.
  const local = sc('local-path', LOCAL_PATH_PROVISIONER, 'WaitForFirstConsumer', true);
  assert.deepEqual(decideClaim(claim('c', '1G', { storageClassName: undefined }), world([], [local])), { type: 'setClass', className: 'local-path' });
  assert.equal(decideClaim(claim('c', '1G', { storageClassName: '' }), world([], [local])).type, 'pending', '"" means no class');
  // WaitForFirstConsumer: wait for the scheduler, then provision on its node.
  const waiting = decideClaim(claim('c', '1G', { storageClassName: 'local-path' }), world([], [local]));
  assert.deepEqual(waiting, { type: 'pending', event: { type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding' } });
  const selected = claim('c', '1G', { storageClassName: 'local-path' }, { [ANN_SELECTED_NODE]: 'node-a' });
  const noDir = decideClaim(selected, world([], [local]));
  assert.equal(noDir.type === 'pending' && noDir.event?.reason, 'ProvisioningFailed');
  const provisioned = decideClaim(selected, world([], [local], new Map([['node-a', '/data/local-path']])));
  assert.equal(provisioned.type, 'provision');
  if (provisioned.type !== 'provision') return;
  assert.equal(provisioned.volume.metadata.name, 'pvc-uid-c');
  assert.deepEqual(provisioned.volume.spec?.hostPath, { path: '/data/local-path/pvc-uid-c_ns_c', type: 'DirectoryOrCreate' });
  assert.deepEqual(provisioned.volume.spec?.claimRef, { kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace: 'ns', name: 'c', uid: 'uid-c' });
  assert.equal(provisioned.volume.spec?.persistentVolumeReclaimPolicy, 'Delete');
  assert.deepEqual(provisioned.volume.spec?.nodeAffinity?.required?.nodeSelectorTerms?.[0]?.matchExpressions?.[0]?.values, ['node-a']);
  // Once created it is pre-bound to the claim: the next sync binds it.
  assert.deepEqual(decideClaim(selected, world([provisioned.volume], [local])), { type: 'bind', volume: 'pvc-uid-c' });
  const immediate = decideClaim(claim('c', '1G', { storageClassName: 'lp' }), world([], [sc('lp', LOCAL_PATH_PROVISIONER, 'Immediate')]));
  assert.equal(immediate.type === 'pending' && immediate.event?.message, 'failed to provision volume with StorageClass "lp": configuration error, no node was specified');
});

test('decideVolume: Available, Bound, Released by reclaim policy', () => {
  const c = { ...claim('c', '1G', { volumeName: 'v' }) };
  const ref = { namespace: 'ns', name: 'c', uid: 'uid-c' };
  assert.deepEqual(decideVolume(volume('v', '1G', {}, 'Pending'), []), { type: 'phase', phase: 'Available' });
  assert.deepEqual(decideVolume(volume('v', '1G', { claimRef: ref }), [c]), { type: 'phase', phase: 'Bound' });
  assert.deepEqual(decideVolume(volume('v', '1G', { claimRef: ref }, 'Bound'), [c]), { type: 'none' });
  assert.deepEqual(decideVolume(volume('v', '1G', { claimRef: ref, persistentVolumeReclaimPolicy: 'Retain' }, 'Bound'), []), { type: 'phase', phase: 'Released' });
  assert.deepEqual(decideVolume(volume('v', '1G', { claimRef: { namespace: 'ns', name: 'c' } }), []), { type: 'none' }, 'pre-bound by hand: waits for its claim');
  const recreated = { ...c, metadata: { ...c.metadata, uid: 'new-uid' } };
  assert.deepEqual(
    decideVolume(volume('v', '1G', { claimRef: ref, persistentVolumeReclaimPolicy: 'Retain' }, 'Bound'), [recreated]),
    { type: 'phase', phase: 'Released' },
    'a new claim of the same name does not inherit the volume',
  );
  const lp = {
    ...volume('v', '1G', { claimRef: ref, persistentVolumeReclaimPolicy: 'Delete' }, 'Bound'),
    metadata: { name: 'v', annotations: { [ANN_PROVISIONED_BY]: LOCAL_PATH_PROVISIONER } },
  } as PersistentVolume;
  assert.deepEqual(decideVolume(lp, []), { type: 'phase', phase: 'Released' }, 'local-path volumes are deleted by their node');
  const failed = decideVolume(volume('v', '1G', { claimRef: ref, persistentVolumeReclaimPolicy: 'Delete' }, 'Bound'), []);
  assert.equal(failed.type === 'phase' && failed.phase, 'Failed');
});

test('protection finalizers', () => {
  assert.equal(finalizerChange([], 'kubernetes.io/pvc-protection', false, false), 'add');
  assert.equal(finalizerChange(['kubernetes.io/pvc-protection'], 'kubernetes.io/pvc-protection', true, true), 'none', 'in use: kept');
  assert.equal(finalizerChange(['kubernetes.io/pvc-protection'], 'kubernetes.io/pvc-protection', true, false), 'remove');
});
