// Small builders for the node lifecycle tests.
import type { Condition, Node, Pod, Taint, Toleration } from '@wheelhouse/model';

export const T0 = Date.parse('2026-01-01T00:00:00Z');
export const at = (seconds: number) => new Date(T0 + seconds * 1000);
export const stamp = (seconds: number) => at(seconds).toISOString().replace('.000Z', 'Z');

export const ready = (status: 'True' | 'False' | 'Unknown', heartbeat = 0): Condition => ({
  type: 'Ready',
  status,
  reason: status === 'True' ? 'KubeletReady' : 'KubeletNotReady',
  message: 'kubelet says so',
  lastHeartbeatTime: stamp(heartbeat),
  lastTransitionTime: stamp(heartbeat),
});

export const pressure = (type: string, status: 'True' | 'False'): Condition => ({
  type,
  status,
  reason: 'KubeletSays',
  lastHeartbeatTime: stamp(0),
  lastTransitionTime: stamp(0),
});

export function node(conditions: Condition[], taints?: Taint[], unschedulable?: boolean): Node {
  return {
    metadata: { name: 'n1', uid: 'uid-n1', creationTimestamp: stamp(-100) },
    spec: { ...(taints ? { taints } : {}), ...(unschedulable ? { unschedulable } : {}) },
    status: { conditions },
  };
}

export function pod(name: string, extra: { tolerations?: Toleration[]; created?: number; deleting?: number; phase?: string; ready?: boolean } = {}): Pod {
  return {
    metadata: {
      namespace: 'default',
      name,
      uid: `uid-${name}`,
      creationTimestamp: stamp(extra.created ?? -50),
      ...(extra.deleting !== undefined ? { deletionTimestamp: stamp(extra.deleting) } : {}),
    },
    spec: { nodeName: 'n1', tolerations: extra.tolerations ?? [] },
    status: {
      phase: extra.phase ?? 'Running',
      conditions: [
        { type: 'PodScheduled', status: 'True' },
        { type: 'Ready', status: extra.ready === false ? 'False' : 'True', lastTransitionTime: stamp(-40) },
      ],
    },
  };
}

export const unreachableFor = (seconds?: number): Toleration => ({
  key: 'node.kubernetes.io/unreachable',
  operator: 'Exists',
  effect: 'NoExecute',
  ...(seconds !== undefined ? { tolerationSeconds: seconds } : {}),
});
export const notReadyFor = (seconds?: number): Toleration => ({
  key: 'node.kubernetes.io/not-ready',
  operator: 'Exists',
  effect: 'NoExecute',
  ...(seconds !== undefined ? { tolerationSeconds: seconds } : {}),
});
