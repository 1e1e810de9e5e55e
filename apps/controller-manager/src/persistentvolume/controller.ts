import { hasCode, isConflict, isNotFound } from '@wheelhouse/client';
import { WorkQueue, done, runController } from '@wheelhouse/controller-runtime';
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '@wheelhouse/model';
import type { ManagerContext, PreparedController } from '../runtime/context.js';
import { involvedObject } from '../runtime/involved.js';
import {
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_DEFAULT_CLASS,
  ANN_NODE_LOCAL_PATH_DIR,
  decideClaim,
  decideVolume,
  finalizerChange,
  LOCAL_PATH_CLASS,
  LOCAL_PATH_PROVISIONER,
  PV_PROTECTION,
  PVC_PROTECTION,
} from './decide.js';

const CLAIM = { apiVersion: 'v1', kind: 'PersistentVolumeClaim' };
const VOLUME = { apiVersion: 'v1', kind: 'PersistentVolume' };

/** Claims a pod mounts (its persistentVolumeClaim volumes). */
const podClaims = (pod: Pod) => (pod.spec?.volumes ?? []).map((v) => v.persistentVolumeClaim?.claimName).filter((n): n is string => Boolean(n));
const podActive = (pod: Pod) => pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';

/**
 * The persistent volume binder with the pvc/pv-protection controllers and the local-path
 * provisioner: claims bind to matching volumes (or get a local-path volume on the node the
 * scheduler picked), volumes follow their claims (Available, Bound, Released), and neither
 * goes while in use. On start it makes k3s' default class `local-path` when absent.
 */
export function persistentVolumeController(ctx: ManagerContext): PreparedController {
  const name = 'persistentvolume-binder-controller';
  const events = ctx.events(name);
  const claims = ctx.informers.informerFor('PersistentVolumeClaim');
  const volumes = ctx.informers.informerFor('PersistentVolume');
  const classes = ctx.informers.informerFor('StorageClass');
  const pods = ctx.informers.informerFor('Pod');
  const nodes = ctx.informers.informerFor('Node');
  const queue = new WorkQueue();
  const claimKey = (c: { metadata: { namespace?: string | null; name?: string | null } }) => `pvc/${c.metadata.namespace}/${c.metadata.name}`;
  const volumeKey = (v: { metadata: { name?: string | null } }) => `pv/${v.metadata.name}`;
  const all = () => {
    for (const c of claims.list()) queue.add(claimKey(c));
    for (const v of volumes.list()) queue.add(volumeKey(v));
  };
  const onClaim = (c: PersistentVolumeClaim) => {
    queue.add(claimKey(c));
    for (const v of volumes.list()) if (v.spec?.claimRef?.name === c.metadata.name && v.spec?.claimRef?.namespace === c.metadata.namespace) queue.add(volumeKey(v));
  };
  const onVolume = (v: PersistentVolume) => {
    queue.add(volumeKey(v));
    const ref = v.spec?.claimRef;
    if (ref?.name) queue.add(`pvc/${ref.namespace}/${ref.name}`);
    // A new available volume may suit any pending claim.
    for (const c of claims.list()) if (!c.spec?.volumeName) queue.add(claimKey(c));
  };
  const onPod = (p: Pod) => {
    for (const claim of podClaims(p)) queue.add(`pvc/${p.metadata.namespace}/${claim}`);
  };
  claims.addEventHandler({ onAdd: onClaim, onUpdate: (_o, n) => onClaim(n), onDelete: onClaim });
  volumes.addEventHandler({ onAdd: onVolume, onUpdate: (_o, n) => onVolume(n), onDelete: onVolume });
  classes.addEventHandler({ onAdd: all, onUpdate: all });
  pods.addEventHandler({ onAdd: onPod, onUpdate: (_o, n) => onPod(n), onDelete: onPod });
  nodes.addEventHandler({ onUpdate: (o, n) => o.metadata.annotations?.[ANN_NODE_LOCAL_PATH_DIR] !== n.metadata.annotations?.[ANN_NODE_LOCAL_PATH_DIR] && all() });

  const nodeDirs = () => {
    const dirs = new Map<string, string>();
    for (const n of nodes.list()) {
      const dir = n.metadata.annotations?.[ANN_NODE_LOCAL_PATH_DIR];
      if (dir) dirs.set(n.metadata.name ?? '', dir);
    }
    return dirs;
  };
  const lastEvent = new Map<string, string>();
  const recordOnce = (key: string, object: PersistentVolumeClaim, event: { type: 'Normal' | 'Warning'; reason: string; message: string }) => {
    if (lastEvent.get(key) === event.message) return;
    lastEvent.set(key, event.message);
    void events.record(involvedObject(object as never, CLAIM), event.type, event.reason, event.message);
  };

  const setFinalizer = async (
    client: typeof ctx.clientset.persistentVolumes | typeof ctx.clientset.persistentVolumeClaims,
    object: PersistentVolume | PersistentVolumeClaim,
    finalizer: string,
    change: 'add' | 'remove',
  ) => {
    const current = object.metadata.finalizers ?? [];
    const finalizers = change === 'add' ? [...current, finalizer] : current.filter((f) => f !== finalizer);
    await client.patch(object.metadata, { metadata: { finalizers, resourceVersion: object.metadata.resourceVersion } }, { select: 'metadata { name }' });
  };

  const bind = async (claim: PersistentVolumeClaim, volume: PersistentVolume, byController: boolean) => {
    const ref = volume.spec?.claimRef;
    if (!ref?.uid) {
      const claimRef = {
        kind: 'PersistentVolumeClaim',
        apiVersion: 'v1',
        namespace: claim.metadata.namespace,
        name: claim.metadata.name,
        uid: claim.metadata.uid,
        resourceVersion: claim.metadata.resourceVersion,
      };
      const annotations = byController ? { [ANN_BOUND_BY_CONTROLLER]: 'yes' } : {};
      await ctx.clientset.persistentVolumes.patch(
        volume.metadata,
        { metadata: { resourceVersion: volume.metadata.resourceVersion, annotations }, spec: { claimRef } },
        { select: 'metadata { name }' },
      );
    }
    if (volume.status?.phase !== 'Bound') await ctx.clientset.persistentVolumes.patchStatus(volume.metadata, { status: { phase: 'Bound' } }, { select: 'metadata { name }' });
    if (claim.spec?.volumeName !== volume.metadata.name || claim.metadata.annotations?.[ANN_BIND_COMPLETED] !== 'yes') {
      const annotations: Record<string, string> = { [ANN_BIND_COMPLETED]: 'yes' };
      if (!claim.spec?.volumeName) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
      await ctx.clientset.persistentVolumeClaims.patch(
        claim.metadata,
        { metadata: { resourceVersion: claim.metadata.resourceVersion, annotations }, spec: { volumeName: volume.metadata.name } },
        { select: 'metadata { name }' },
      );
    }
    await ctx.clientset.persistentVolumeClaims.patchStatus(
      claim.metadata,
      { status: { phase: 'Bound', capacity: volume.spec?.capacity ?? {}, accessModes: volume.spec?.accessModes ?? [] } },
      { select: 'metadata { name }' },
    );
  };

  const syncClaim = async (namespace: string, claimName: string) => {
    const claim = claims.get(`${namespace}/${claimName}`);
    if (!claim) return;
    const inUse = pods.list(namespace).some((p) => podActive(p) && podClaims(p).includes(claimName));
    const finalizer = finalizerChange(claim.metadata.finalizers, PVC_PROTECTION, Boolean(claim.metadata.deletionTimestamp), inUse);
    if (finalizer !== 'none') return setFinalizer(ctx.clientset.persistentVolumeClaims, claim, PVC_PROTECTION, finalizer);
    const decision = decideClaim(claim, { volumes: volumes.list(), classes: classes.list(), nodeDirs: nodeDirs() });
    const key = claimKey(claim);
    switch (decision.type) {
      case 'none':
        return;
      case 'setClass':
        await ctx.clientset.persistentVolumeClaims.patch(
          claim.metadata,
          { metadata: { resourceVersion: claim.metadata.resourceVersion }, spec: { storageClassName: decision.className } },
          { select: 'metadata { name }' },
        );
        return;
      case 'bind': {
        const volume = volumes.get(decision.volume)!;
        await bind(claim, volume, !claim.spec?.volumeName);
        return;
      }
      case 'provision':
        try {
          await ctx.clientset.persistentVolumes.create(decision.volume, { select: 'metadata { name }' });
          recordOnce(key, claim, decision.event);
        } catch (error) {
          if (!hasCode(error, 'ALREADY_EXISTS')) throw error;
        }
        return;
      case 'pending':
        if (decision.event) recordOnce(key, claim, decision.event);
        if (claim.status?.phase !== 'Pending')
          await ctx.clientset.persistentVolumeClaims.patchStatus(claim.metadata, { status: { phase: 'Pending' } }, { select: 'metadata { name }' });
        return;
      case 'lost':
        recordOnce(key, claim, decision.event);
        if (claim.status?.phase !== 'Lost') await ctx.clientset.persistentVolumeClaims.patchStatus(claim.metadata, { status: { phase: 'Lost' } }, { select: 'metadata { name }' });
        return;
    }
  };

  const syncVolume = async (volumeName: string) => {
    const volume = volumes.get(volumeName);
    if (!volume) return;
    const ref = volume.spec?.claimRef;
    const claim = ref ? claims.get(`${ref.namespace}/${ref.name}`) : undefined;
    const bound = Boolean(claim && claim.spec?.volumeName === volumeName);
    const finalizer = finalizerChange(volume.metadata.finalizers, PV_PROTECTION, Boolean(volume.metadata.deletionTimestamp), bound);
    if (finalizer !== 'none') return setFinalizer(ctx.clientset.persistentVolumes, volume, PV_PROTECTION, finalizer);
    const decision = decideVolume(volume, claims.list());
    if (decision.type !== 'phase') return;
    const status: Record<string, unknown> = { phase: decision.phase, message: decision.message ?? null, reason: decision.reason ?? null };
    await ctx.clientset.persistentVolumes.patchStatus(volume.metadata, { status }, { select: 'metadata { name }' });
    if (decision.reason) void events.record(involvedObject(volume as never, VOLUME), 'Warning', decision.reason, decision.message ?? '');
  };

  const reconcile = async (key: string) => {
    try {
      const [type, a, b] = key.split('/');
      if (type === 'pvc') await syncClaim(a!, b!);
      else await syncVolume(a!);
    } catch (error) {
      // A write raced another one: the informer brings the newer object and the key again.
      if (!isConflict(error) && !isNotFound(error)) throw error;
    }
    return done();
  };

  return {
    name,
    run: () => {
      void ensureDefaultClass(ctx, classes.list()).catch((error) => ctx.onError(name, 'storageclass/local-path', error));
      return runController({ name, queue, workers: 1, reconcile, metrics: ctx.metrics, onError: (key, error) => ctx.onError(name, key, error) });
    },
  };
}

/** k3s' default class: local-path, WaitForFirstConsumer, Delete; made once, never overwritten. */
async function ensureDefaultClass(ctx: ManagerContext, existing: readonly StorageClass[]): Promise<void> {
  if (existing.some((c) => c.metadata.name === LOCAL_PATH_CLASS)) return;
  const sc = {
    metadata: { name: LOCAL_PATH_CLASS, annotations: { [ANN_DEFAULT_CLASS]: 'true' } },
    provisioner: LOCAL_PATH_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  } as StorageClass;
  try {
    await ctx.clientset.storageClasses.create(sc, { select: 'metadata { name }' });
  } catch (error) {
    if (!hasCode(error, 'ALREADY_EXISTS')) throw error;
  }
}
