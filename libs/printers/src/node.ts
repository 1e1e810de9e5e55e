/** A node's STATUS, ROLES and addresses as kubectl prints them (printNode, findNodeRoles). */
import type { Node } from '@wheelhouse/model';

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
/** The older role label, whose value is the role. */
const NODE_ROLE_LABEL = 'kubernetes.io/role';

/** `Ready`, `NotReady` or `Unknown` from the Ready condition, then `SchedulingDisabled` when cordoned. */
export function nodeStatus(node: Node): string {
  // The last Ready condition wins, as in kubectl's condition map.
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').at(-1);
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

export function nodeReady(node: Node): boolean {
  return nodeStatus(node).split(',')[0] === 'Ready';
}

/** Roles from `node-role.kubernetes.io/<role>` labels and the `kubernetes.io/role` label, sorted. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(NODE_ROLE_PREFIX)) {
      const role = key.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === NODE_ROLE_LABEL && value) roles.add(value);
  }
  return [...roles].sort().join(',') || '<none>';
}

/** The first address of a type (InternalIP, ExternalIP), `<none>` when there is none. */
export function nodeAddress(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address || '<none>';
}

/** `-o wide` columns: INTERNAL-IP, EXTERNAL-IP, OS-IMAGE, KERNEL-VERSION, CONTAINER-RUNTIME. */
export function nodeWideCells(node: Node): string[] {
  const info = node.status?.nodeInfo ?? {};
  return [
    nodeAddress(node, 'InternalIP'),
    nodeAddress(node, 'ExternalIP'),
    info.osImage || '<unknown>',
    info.kernelVersion || '<unknown>',
    info.containerRuntimeVersion || '<unknown>',
  ];
}
