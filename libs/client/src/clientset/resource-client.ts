import { operationNames, SELECTIONS, stripNulls, type DeletionPropagation, type KindIdentity, type KubeObject, type ObjectMeta } from '@wheelhouse/model';
import { listAll } from '../list-all.js';
import type { ListResult, WatchEvent } from '../types.js';
import { watchResumable, type WatchHandle, type WatchResumableOptions } from '../watch-resumable.js';
import type { CallOptions, Operations } from './operations.js';

/** Which object: its metadata works as is (`client.patch(pod.metadata, …)`). */
export interface ObjectRef {
  namespace?: string | null;
  name?: string | null;
}

export interface ListOptions {
  /** Omitted or null: every namespace. */
  namespace?: string | null;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string | null;
}

export interface ListPage<T> extends ListResult<T> {
  /** Pass to the next call for the next page; absent on the last. */
  continue?: string;
}

export interface WriteOptions extends CallOptions {
  dryRun?: boolean;
}

export interface DeleteOptions extends WriteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: DeletionPropagation;
  /** Precondition: delete only at this resourceVersion. */
  resourceVersion?: string;
}

export interface StatusPatch {
  namespace?: string | null;
  name: string;
  patch: Record<string, unknown>;
}

export type WatchOptions<T> = Omit<WatchResumableOptions<T>, 'plural' | 'kind' | 'fields'> & { select?: string };

/**
 * One kind's operations (client-go's typed `Pods(ns)`): get, list, create, replace, patch,
 * status writes, delete, watch, and scale for kinds that have it. Objects come back as
 * Kubernetes JSON: nulls stripped, typed by the generated model.
 */
export class ResourceClient<T extends KubeObject> {
  readonly names: ReturnType<typeof operationNames>;
  /** Every field of the kind: what an object means when no selection is given. */
  readonly selection: string;

  constructor(
    private readonly ops: Operations,
    readonly kind: KindIdentity,
  ) {
    this.names = operationNames(kind);
    this.selection = (SELECTIONS as Record<string, string>)[kind.kind]!;
  }

  /** The object, or null when absent. */
  get(ref: ObjectRef, options?: CallOptions): Promise<T | null> {
    return this.ops.call('query', this.names.get, this.at(ref), options) as Promise<T | null>;
  }

  /** One page. */
  async list(options: ListOptions & CallOptions = {}): Promise<ListPage<T>> {
    const { namespace, labelSelector, fieldSelector, limit, continue: cont, ...call } = options;
    const args = { ...this.scope(namespace), labelSelector, fieldSelector, limit, continue: cont ?? undefined };
    const select = call.select ? `metadata { resourceVersion continue } items { ${call.select} }` : undefined;
    const page = (await this.ops.call('query', this.names.list, args, { ...call, select })) as { metadata: { resourceVersion: string; continue?: string }; items: T[] };
    return { items: page.items, resourceVersion: page.metadata.resourceVersion, continue: page.metadata.continue || undefined };
  }

  /** Every page, pinned to the first page's snapshot: its resourceVersion is where a watch starts. */
  async listAll(options: Omit<ListOptions, 'limit' | 'continue'> & { pageSize?: number; select?: string; signal?: AbortSignal } = {}): Promise<ListResult<T>> {
    const { select, namespace, ...rest } = options;
    const result = await listAll<T>(this.ops.client, {
      ...rest,
      namespace: this.kind.namespaced ? namespace : undefined,
      plural: this.names.list,
      fields: select ?? this.selection,
    });
    return { ...result, items: result.items.map(stripNulls) };
  }

  /** Creates the object; the namespace comes from its metadata unless given. */
  create(object: T, options: WriteOptions & { namespace?: string } = {}): Promise<T> {
    const { dryRun, namespace, ...call } = options;
    return this.ops.call('mutation', this.names.create, { ...this.scope(namespace ?? object.metadata.namespace), input: object, dryRun }, call) as Promise<T>;
  }

  /** Creates many in one commit, all or nothing. */
  createMany(objects: readonly T[], options: WriteOptions & { namespace?: string } = {}): Promise<T[]> {
    const { dryRun, namespace, ...call } = options;
    return this.ops.call('mutation', this.names.createMany, { ...this.scope(namespace), inputs: objects, dryRun }, call) as Promise<T[]>;
  }

  /** Replaces spec and metadata; `metadata.resourceVersion`, when set, is compared. */
  replace(object: T, options: WriteOptions = {}): Promise<T> {
    const { dryRun, ...call } = options;
    return this.ops.call('mutation', this.names.replace, { ...this.at(object.metadata), input: object, dryRun }, call) as Promise<T>;
  }

  replaceStatus(object: T, options: CallOptions = {}): Promise<T> {
    this.needStatus();
    return this.ops.call('mutation', this.names.replaceStatus, { ...this.at(object.metadata), input: object }, options) as Promise<T>;
  }

  /** JSON merge patch; `metadata.resourceVersion` in the patch is a precondition. */
  patch(ref: ObjectRef, patch: Record<string, unknown>, options: WriteOptions = {}): Promise<T> {
    const { dryRun, ...call } = options;
    return this.ops.call('mutation', this.names.patch, { ...this.at(ref), patch, dryRun }, call) as Promise<T>;
  }

  /** JSON merge patch of status only. */
  patchStatus(ref: ObjectRef, patch: Record<string, unknown>, options: CallOptions = {}): Promise<T> {
    this.needStatus();
    return this.ops.call('mutation', this.names.patchStatus, { ...this.at(ref), patch }, options) as Promise<T>;
  }

  /** Status patches of many objects in one commit, all or nothing (agents reporting in batches). */
  patchManyStatus(items: readonly StatusPatch[], options: CallOptions = {}): Promise<T[]> {
    this.needStatus();
    const scoped = items.map((i) => ({ ...this.scope(i.namespace), name: i.name, patch: i.patch }));
    return this.ops.call('mutation', this.names.patchManyStatus, { items: scoped }, options) as Promise<T[]>;
  }

  /** The object as it is after the call (still there while finalizers or a grace period hold it), or null once gone. */
  delete(ref: ObjectRef, options: DeleteOptions = {}): Promise<T | null> {
    const { dryRun, gracePeriodSeconds, propagationPolicy, resourceVersion, ...call } = options;
    return this.ops.call('mutation', this.names.delete, { ...this.at(ref), gracePeriodSeconds, propagationPolicy, resourceVersion, dryRun }, call) as Promise<T | null>;
  }

  /** The scale subresource (kubectl scale). */
  scale(ref: ObjectRef, replicas: number, options: CallOptions = {}): Promise<unknown> {
    if (!this.kind.scalable) throw new TypeError(`${this.kind.kind} has no scale subresource`);
    return this.ops.call('mutation', this.names.scale, { ...this.at(ref), replicas }, options);
  }

  /** List, then watch from the list, resuming and relisting by itself (see watchResumable). */
  watch(options: WatchOptions<T>): WatchHandle {
    const { select, onEvent, onRelist, namespace, ...rest } = options;
    return watchResumable<T>(this.ops.client, {
      ...rest,
      namespace: this.kind.namespaced ? namespace : undefined,
      plural: this.names.list,
      kind: this.kind.kind,
      fields: select ?? this.selection,
      onEvent: (event: WatchEvent<T>) => onEvent({ type: event.type, object: stripNulls(event.object) }),
      onRelist: (items, resourceVersion) => onRelist(items.map(stripNulls), resourceVersion),
    });
  }

  /** `{ namespace, name }` for namespaced kinds; `{ name }` for cluster-scoped ones, whose fields take no namespace. */
  private at(ref: ObjectRef | ObjectMeta): Record<string, unknown> {
    if (!ref.name) throw new TypeError(`${this.kind.kind}: no name given`);
    return { ...this.scope(ref.namespace), name: ref.name };
  }

  private scope(namespace: string | null | undefined): { namespace?: string } {
    return this.kind.namespaced && namespace ? { namespace } : {};
  }

  private needStatus(): void {
    if (!this.kind.hasStatus) throw new TypeError(`${this.kind.kind} has no status subresource`);
  }
}
