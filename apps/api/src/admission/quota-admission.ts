// The API's write admission, in Kubernetes' order: LimitRanger (defaults, then min/max/
// ratio) for new pods, then ResourceQuota for every namespaced create and update (an
// update is charged what it adds). The decisions are pure
// (libs/resources/src/admission); this reads the namespace's LimitRanges and quotas and
// turns a quota decision into a status write that commits with the object.
import {
  ApiError,
  applyLimitRangeDefaults,
  decideQuota,
  limitRangeViolations,
  LimitRangeKind,
  PodKind,
  ResourceQuotaKind,
  type KubeObject,
  type LimitRangeItem,
  type QuotaView,
  usageGrows,
} from '@wheelhouse/resources';
import { assertValid, planUpdate, type CreateAdmission, type PlannedWrite, type Store } from '@wheelhouse/db';

const forbidden = (resource: string, name: string, reasons: string[]) =>
  new ApiError('FORBIDDEN', `${resource} "${name}" is forbidden: ${reasons.length === 1 ? reasons[0] : `[${reasons.join(', ')}]`}`);

function quotaView(quota: KubeObject): QuotaView {
  const spec = (quota.spec ?? {}) as { hard?: Record<string, string>; scopes?: string[] };
  const status = (quota.status ?? {}) as { hard?: Record<string, string>; used?: Record<string, string> };
  return { name: quota.metadata.name!, hard: spec.hard ?? {}, scopes: spec.scopes ?? [], statusHard: status.hard, used: status.used ?? {} };
}

export const quotaAdmission: CreateAdmission = {
  async admit(store: Store, writes: PlannedWrite[]): Promise<PlannedWrite[]> {
    // Updates only when they use more (a Service turned NodePort): status reports and the like read nothing here.
    const grows = (w: PlannedWrite) => w.plan.type === 'update' && w.previous !== undefined && usageGrows(w.kind.resource, w.kind.group, w.plan.object, w.previous);
    const creates = writes.filter((w) => (w.plan.type === 'create' || grows(w)) && w.kind.namespaced && w.kind.kind !== 'Namespace');
    if (creates.length === 0) return writes;
    const namespaces = [...new Set(creates.map((w) => w.plan.object.metadata.namespace!))];
    const quotas = new Map<string, KubeObject[]>();
    const limits = new Map<string, LimitRangeItem[]>();
    await Promise.all(
      namespaces.map(async (ns) => {
        // Current rows, no snapshot: a charged quota commits with the object under compare-and-swap.
        const [q, l] = await Promise.all([store.listCurrent(ResourceQuotaKind, { namespace: ns }), store.listCurrent(LimitRangeKind, { namespace: ns })]);
        quotas.set(ns, q);
        limits.set(
          ns,
          l.flatMap((r) => ((r.spec as { limits?: LimitRangeItem[] } | undefined)?.limits ?? []) as LimitRangeItem[]),
        );
      }),
    );
    // Quota usage as charged so far in this call, so a batch cannot overrun a quota either.
    const views = new Map([...quotas.values()].flat().map((q) => [`${q.metadata.namespace}/${q.metadata.name}`, quotaView(q)]));
    const charged = new Set<string>();
    const admitted = writes.map((write) => {
      if (!creates.includes(write)) return write;
      const ns = write.plan.object.metadata.namespace!;
      let object = write.plan.object;
      const name = object.metadata.name!;
      if (write.plan.type === 'create' && write.kind === PodKind && (limits.get(ns) ?? []).length > 0) {
        object = applyLimitRangeDefaults(object, limits.get(ns)!);
        // Defaults may make a pod invalid (a default limit below its request): Kubernetes' validation runs after mutation.
        assertValid(write.kind, object);
        const violations = limitRangeViolations(object, limits.get(ns)!);
        if (violations.length > 0) throw forbidden(write.kind.resource, name, violations);
      }
      const nsViews = (quotas.get(ns) ?? []).map((q) => views.get(`${ns}/${q.metadata.name}`)!);
      const decision = decideQuota(nsViews, write.kind.resource, write.kind.group, object, write.plan.type === 'update' ? write.previous : undefined);
      if (!decision.allowed) throw forbidden(write.kind.resource, name, [decision.message]);
      for (const update of decision.used) {
        views.get(`${ns}/${update.name}`)!.used = update.used;
        charged.add(`${ns}/${update.name}`);
      }
      return object === write.plan.object ? write : { ...write, plan: { ...write.plan, object } };
    });
    const statusWrites: PlannedWrite[] = [...charged].map((key) => {
      const current = [...quotas.values()].flat().find((q) => `${q.metadata.namespace}/${q.metadata.name}` === key)!;
      const desired = { ...current, status: { ...(current.status ?? {}), used: views.get(key)!.used } };
      return { kind: ResourceQuotaKind, plan: planUpdate(ResourceQuotaKind, current, desired, 'status', store.clock), previous: current };
    });
    return [...admitted, ...statusWrites];
  },
};
