// Test fixtures after daemon_controller_test.go: newDaemonSet, addNodes, newPod/addPods.
import type { DaemonSet, Node, Pod, Taint } from '@wheelhouse/model';
import { CONTROLLER_REVISION_HASH_LABEL } from '../common/history/history.js';
import { pinToNode } from './daemon-pod.js';

export const SIMPLE_DAEMON_SET_LABEL = { name: 'simple-daemon', type: 'production' };
export const SIMPLE_DAEMON_SET_LABEL2 = { name: 'simple-daemon', type: 'test' };
export const SIMPLE_NODE_LABEL = { color: 'blue', speed: 'fast' };
export const HASH = 'h1';
export const NOW = new Date('2026-01-01T00:10:00Z');

export function newDaemonSet(name = 'foo', spec: Partial<NonNullable<DaemonSet['spec']>> = {}): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, generation: 1, annotations: { 'deprecated.daemonset.template.generation': '1' } },
    spec: {
      selector: { matchLabels: SIMPLE_DAEMON_SET_LABEL },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
      template: { metadata: { labels: SIMPLE_DAEMON_SET_LABEL }, spec: { containers: [{ name: 'foo', image: 'foo/bar' }], restartPolicy: 'Always' } },
      ...spec,
    },
    status: {},
  };
}

export function newNode(name: string, labels: Record<string, string> = {}, taints: Taint[] = [], extra: Partial<NonNullable<Node['spec']>> = {}): Node {
  return { metadata: { name, labels }, spec: { taints, ...extra }, status: { conditions: [{ type: 'Ready', status: 'True' }] } };
}

/** addNodes: node-<start> … node-<start+n-1>. */
export function addNodes(start: number, n: number, labels: Record<string, string> = {}): Node[] {
  return Array.from({ length: n }, (_, i) => newNode(`node-${start + i}`, labels));
}

let seq = 0;
/** newPod: bound to `nodeName`, owned by the DaemonSet, carrying the current hash unless told otherwise. */
export function newPod(
  nodeName: string,
  labels: Record<string, string>,
  ds: DaemonSet,
  options: { hash?: string | null; phase?: string; ready?: boolean; readySince?: Date; created?: Date; bound?: boolean; deleting?: boolean } = {},
): Pod {
  seq++;
  const hash = options.hash === undefined ? HASH : options.hash;
  const ready = options.ready ?? false;
  return {
    metadata: {
      name: `${nodeName}-${seq}`,
      namespace: 'default',
      uid: `pod-${seq}`,
      labels: { ...labels, ...(hash ? { [CONTROLLER_REVISION_HASH_LABEL]: hash } : {}) },
      creationTimestamp: (options.created ?? new Date(NOW.getTime() - 60_000 + seq)).toISOString(),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name ?? '', uid: ds.metadata.uid ?? '', controller: true }],
      ...(options.deleting ? { deletionTimestamp: NOW.toISOString() } : {}),
    },
    spec: { containers: [{ name: 'foo', image: 'foo/bar' }], ...(options.bound === false ? { affinity: pinToNode(undefined, nodeName) } : { nodeName }) },
    status: {
      phase: options.phase ?? 'Running',
      conditions: ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: (options.readySince ?? new Date(NOW.getTime() - 30_000)).toISOString() }] : [],
    },
  };
}

/** addPods: n pods on the node. */
export function addPods(nodeName: string, labels: Record<string, string>, ds: DaemonSet, n: number, options: Parameters<typeof newPod>[3] = {}): Pod[] {
  return Array.from({ length: n }, () => newPod(nodeName, labels, ds, options));
}
