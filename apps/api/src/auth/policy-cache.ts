import type { Change, Store } from '@wheelhouse/db';
import { ClusterRoleBindingKind, ClusterRoleKind, RoleBindingKind, RoleKind, type BindingLike, type KubeObject, type PolicySource, type RoleLike } from '@wheelhouse/resources';
import type { Broadcaster } from '../watch/broadcaster.js';

const KINDS = [RoleKind, ClusterRoleKind, RoleBindingKind, ClusterRoleBindingKind];
const RBAC_KINDS = new Set(KINDS.map((k) => k.kind));

interface Entry {
  revision: bigint;
  object: KubeObject | null;
}

/**
 * The RBAC objects the authorizer reads, in memory: listed once at start, then kept
 * current from the change log the API already tails (kube-apiserver's RBAC informers).
 * Each key keeps the newest revision seen, so a change that arrives while the first
 * list runs is not overwritten by the list's older copy.
 */
export class PolicyCache implements PolicySource {
  /** kind → namespace ('' for cluster-scoped) → name → entry. */
  private readonly entries = new Map<string, Map<string, Map<string, Entry>>>();
  private unsubscribe?: () => void;

  async start(store: Store, broadcaster: Broadcaster): Promise<void> {
    this.unsubscribe = broadcaster.subscribe((changes) => {
      for (const change of changes) if (RBAC_KINDS.has(change.kind)) this.apply(change);
    });
    for (const kind of KINDS) {
      const list = await store.list(kind, {});
      for (const object of list.items) this.put(kind.kind, object, BigInt(object.metadata.resourceVersion ?? '0'));
    }
  }

  stop(): void {
    this.unsubscribe?.();
  }

  private apply(change: Change): void {
    this.put(change.kind, change.type === 'DELETED' ? null : change.object, change.revision, change.namespace, change.name);
  }

  private put(kind: string, object: KubeObject | null, revision: bigint, namespace = object?.metadata.namespace ?? '', name = object?.metadata.name ?? ''): void {
    const byNamespace = this.entries.get(kind) ?? new Map<string, Map<string, Entry>>();
    this.entries.set(kind, byNamespace);
    const byName = byNamespace.get(namespace ?? '') ?? new Map<string, Entry>();
    byNamespace.set(namespace ?? '', byName);
    const existing = byName.get(name);
    if (existing && existing.revision > revision) return;
    byName.set(name, { revision, object });
  }

  private entry(kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.entries.get(kind)?.get(namespace)?.get(name)?.object ?? undefined;
  }

  private *objects(kind: string, namespace: string): Iterable<KubeObject> {
    for (const entry of this.entries.get(kind)?.get(namespace)?.values() ?? []) if (entry.object) yield entry.object;
  }

  clusterRole(name: string): RoleLike | undefined {
    return this.entry('ClusterRole', '', name) as RoleLike | undefined;
  }

  role(namespace: string, name: string): RoleLike | undefined {
    return this.entry('Role', namespace, name) as RoleLike | undefined;
  }

  clusterRoleBindings(): Iterable<BindingLike> {
    return this.objects('ClusterRoleBinding', '') as Iterable<BindingLike>;
  }

  roleBindings(namespace: string): Iterable<BindingLike> {
    return this.objects('RoleBinding', namespace) as Iterable<BindingLike>;
  }
}
