import { randomUUID } from 'node:crypto';
import { ApiError, NamespaceKind, notFound, type KindInfo, type KubeObject } from '@wheelhouse/resources';
import type { Db } from '../prisma.js';
import { planCreate } from '../plan/plan-create.js';
import { planUpdate, type UpdateTarget } from '../plan/plan-update.js';
import { planDelete, type DeleteOptions } from '../plan/plan-delete.js';
import { mergePatch } from '../plan/merge-patch.js';
import type { WriteClock, WritePlan } from '../plan/write-plan.js';
import { commitWrites, StaleWriteError, type PlannedWrite } from './commit.js';
import { retryOnStale } from './retry-stale.js';
import { getObject, getObjects } from './read.js';
import { listObjects, readCurrentObjects, type ListOptions, type ListResult } from './list.js';
import type { ObjectFilter } from './object-filter.js';
import type { WriteHooks } from './write-hook.js';
import type { CreateAdmission } from './admission.js';

export interface WriteOptions {
  /** Who is writing (token name), kept in the change log. */
  actor?: string | null;
  /** Validate and return the result without writing (Kubernetes' dryRun=All). */
  dryRun?: boolean;
}

/** Names the failing item of a batch in the error's field path, e.g. `inputs[3].metadata.name`. */
function atIndex(error: unknown, index: number, list = 'inputs'): unknown {
  if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') {
    return new ApiError('BAD_USER_INPUT', `${list}[${index}]: ${error.message}`, `${list}[${index}]${error.field ? `.${error.field}` : ''}`, error.causes);
  }
  return error;
}

/** Another write changed what admission decided on (a quota): decide again (a CONFLICT only if that never settles). */
class AdmissionRaceLost extends ApiError {
  constructor() {
    super('CONFLICT', 'Operation cannot be fulfilled: the resource quota kept changing; please apply your changes again');
  }
}

const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export const systemClock: WriteClock = {
  now: () => new Date(),
  newUid: () => randomUUID(),
  nameSuffix: () => Array.from({ length: 5 }, () => NAME_ALPHABET[Math.floor(Math.random() * NAME_ALPHABET.length)]).join(''),
};

/**
 * Create, read, update and delete for every kind. Decisions are the pure plans in
 * ../plan; this class reads current state, asks a plan, and commits it.
 */
export class Store {
  constructor(
    readonly db: Db,
    readonly clock: WriteClock = systemClock,
    /** Per-kind work before a commit (Service allocation); none by default. */
    readonly hooks: WriteHooks = {},
    /** Quota and LimitRange admission of creates (the API's main store); absent: none. */
    readonly admission?: CreateAdmission,
  ) {}

  /**
   * Commits writes after admission: the admitted writes and what admission adds go in one
   * commit; a race lost on an added write (a quota another create just charged) re-admits.
   * Returns the objects of `writes`, in order.
   */
  private async admitAndCommit(writes: PlannedWrite[], actor: string | null, dryRun = false): Promise<KubeObject[]> {
    const admission = this.admission;
    if (!admission || !writes.some((w) => w.plan.type === 'create' || (w.plan.type === 'update' && w.previous))) {
      return dryRun ? writes.map((w) => w.plan.object) : this.commitAll(writes, actor);
    }
    const attempt = async () => {
      const admitted = await admission.admit(this, writes);
      if (dryRun) return admitted.slice(0, writes.length).map((w) => w.plan.object);
      try {
        return (await this.commitAll(admitted, actor)).slice(0, writes.length);
      } catch (error) {
        const added = admitted.slice(writes.length);
        const lostOnAdded = error instanceof StaleWriteError && added.some((w) => w.kind.kind === error.kind && w.plan.object.metadata.name === error.objectName);
        throw lostOnAdded ? new AdmissionRaceLost() : error;
      }
    };
    return retryOnStale(attempt, (error) => error instanceof AdmissionRaceLost);
  }

  get(kind: KindInfo, namespace: string | undefined, name: string): Promise<KubeObject | null> {
    return getObject(this.db, kind, namespace, name);
  }

  /** Many objects by namespace/name in one query, keyed `namespace/name` (cluster-scoped: `/name`). */
  getMany(kind: KindInfo, keys: readonly { namespace?: string; name: string }[]): Promise<Map<string, KubeObject>> {
    return getObjects(this.db, kind, keys);
  }

  list(kind: KindInfo, options: ListOptions): Promise<ListResult> {
    return listObjects(this.db, kind, options);
  }

  /** The matching objects as they are now, one statement, no list revision (admission's reads, which a compare-and-swap protects). */
  listCurrent(kind: KindInfo, filter: ObjectFilter): Promise<KubeObject[]> {
    return readCurrentObjects(this.db, kind, filter);
  }

  async create(kind: KindInfo, input: KubeObject, namespace: string | undefined, options: WriteOptions = {}): Promise<KubeObject> {
    const plan = planCreate(kind, input, namespace, this.clock);
    if (options.dryRun && kind.namespaced) await this.assertNamespaceOpen(plan.object.metadata.namespace!);
    const [object] = await this.admitAndCommit([{ kind, plan }], options.actor ?? null, options.dryRun);
    return object!;
  }

  /** Many objects of one kind in one commit, all or nothing (controllers creating pods in batches). */
  async createMany(kind: KindInfo, inputs: KubeObject[], namespace: string | undefined, options: WriteOptions = {}): Promise<KubeObject[]> {
    const writes = inputs.map((input, index) => {
      try {
        return { kind, plan: planCreate(kind, input, namespace, this.clock) };
      } catch (error) {
        throw atIndex(error, index);
      }
    });
    return this.admitAndCommit(writes, options.actor ?? null, options.dryRun);
  }

  /**
   * Merge patches of many objects of one kind in one commit (node agents reporting pod
   * status in batches). All or nothing; a lost race re-reads and re-plans the batch.
   */
  patchMany(
    kind: KindInfo,
    items: { namespace?: string; name: string; patch: Record<string, unknown> }[],
    target: UpdateTarget,
    options: WriteOptions = {},
  ): Promise<KubeObject[]> {
    return retryOnStale(async () => {
      // One read for the whole batch: hundreds of single reads at once starved the commit of connections.
      const found = await this.getMany(kind, items);
      const writes = items.map((item, index) => {
        const current = found.get(`${kind.namespaced ? (item.namespace ?? 'default') : ''}/${item.name}`);
        if (!current) throw notFound(kind.kind, item.name);
        try {
          const desired = mergePatch(current, item.patch) as KubeObject;
          return { kind, plan: planUpdate(kind, current, desired, target, this.clock), previous: current };
        } catch (error) {
          throw atIndex(error, index, 'items');
        }
      });
      if (options.dryRun) return writes.map((w) => w.plan.object);
      return this.commitAll(writes, options.actor ?? null);
    });
  }

  /** Replace spec and user metadata (target `main`) or status (target `status`). */
  replace(kind: KindInfo, namespace: string | undefined, name: string, input: KubeObject, target: UpdateTarget, options: WriteOptions = {}) {
    const precondition = input.metadata?.resourceVersion;
    return this.guaranteedUpdate(kind, namespace, name, Boolean(precondition), options, (current) => planUpdate(kind, current, input, target, this.clock));
  }

  /** JSON merge patch on the whole object; `metadata.resourceVersion` in the patch is a precondition. */
  patch(kind: KindInfo, namespace: string | undefined, name: string, patch: Record<string, unknown>, target: UpdateTarget, options: WriteOptions = {}) {
    const precondition = (patch.metadata as { resourceVersion?: string } | undefined)?.resourceVersion;
    return this.guaranteedUpdate(kind, namespace, name, Boolean(precondition), options, (current) => {
      // The merge keeps the current resourceVersion unless the patch names one (a precondition).
      return planUpdate(kind, current, mergePatch(current, patch) as KubeObject, target, this.clock);
    });
  }

  /** Returns the object as it is after the call: terminating (still present) or deleted. */
  delete(kind: KindInfo, namespace: string | undefined, name: string, deleteOptions: DeleteOptions, options: WriteOptions = {}) {
    return this.guaranteedUpdate(kind, namespace, name, Boolean(deleteOptions.resourceVersion), options, (current) => planDelete(kind, current, deleteOptions, this.clock));
  }

  /** What wh_commit checks on a real write, for dry runs. */
  async assertNamespaceOpen(namespace: string): Promise<void> {
    const ns = await this.get(NamespaceKind, undefined, namespace);
    if (!ns) throw notFound('Namespace', namespace);
    if (ns.metadata.deletionTimestamp) {
      throw new ApiError('FORBIDDEN', `unable to create new content in namespace ${namespace} because it is being terminated`);
    }
  }

  /** Several writes, possibly of different kinds, all or nothing (apply of a manifest). */
  commit(writes: PlannedWrite[], options: WriteOptions = {}): Promise<KubeObject[]> {
    return this.admitAndCommit(writes, options.actor ?? null);
  }

  /**
   * commitWrites with the kinds' write hooks: each hooked write is prepared (values
   * allocated), and a commit that lost a picked value to another writer is prepared and
   * committed again. Bounded: a hook that keeps asking to retry fails after 20 rounds.
   */
  private async commitAll(writes: PlannedWrite[], actor: string | null): Promise<KubeObject[]> {
    if (!writes.some((w) => this.hooks[w.kind.kind])) return commitWrites(this.db, writes, actor);
    for (let round = 0; ; round++) {
      const prepared = await Promise.all(writes.map((w) => this.hooks[w.kind.kind]?.prepare(this.db, w) ?? { write: w, explain: () => undefined }));
      try {
        return await commitWrites(
          this.db,
          prepared.map((p) => p.write),
          actor,
        );
      } catch (error) {
        const verdicts = prepared.map((p) => p.explain(error)).filter((v) => v !== undefined);
        const refusal = verdicts.find((v) => v !== 'retry');
        if (refusal) throw refusal;
        if (verdicts.length === 0 || round >= 19) throw error;
      }
    }
  }

  /**
   * Read, plan, compare-and-swap; when someone else wrote in between and the caller
   * gave no resourceVersion, start again from the new state (Kubernetes' GuaranteedUpdate),
   * so concurrent writers never lose an update.
   */
  private guaranteedUpdate(
    kind: KindInfo,
    namespace: string | undefined,
    name: string,
    hasPrecondition: boolean,
    options: WriteOptions,
    decide: (current: KubeObject) => WritePlan,
  ): Promise<KubeObject> {
    const attempt = async () => {
      const current = await this.get(kind, namespace, name);
      if (!current) throw notFound(kind.kind, name);
      const plan = decide(current);
      if (plan.type === 'unchanged') return plan.object;
      // Updates pass admission too (a Service turned NodePort takes node ports from a quota).
      const [object] = await this.admitAndCommit([{ kind, plan, previous: current }], options.actor ?? null, options.dryRun);
      return object!;
    };
    return hasPrecondition ? attempt() : retryOnStale(attempt);
  }
}
