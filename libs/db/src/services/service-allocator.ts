import { ApiError, invalid, type KubeObject } from '@wheelhouse/resources';
import type { Db } from '../prisma.js';
import { AllocationTakenError, type PlannedWrite } from '../store/commit.js';
import type { PreparedWrite, WriteHook } from '../store/write-hook.js';
import { applyAllocation, decideServiceAllocation, nodePortsToPick, type AllocationRanges, type ServiceSpecShape } from './decide-allocation.js';
import { numberToIp, randomCandidates, type ValueRange } from './service-range.js';

const CANDIDATES_PER_QUERY = 16;

/**
 * The Service write hook: picks free ClusterIPs and NodePorts for what
 * decideServiceAllocation says is missing, and turns a lost race into a retry (a value
 * it picked) or Kubernetes' refusal (a value the user asked for). The database trigger
 * is what guarantees uniqueness; the reads here only make a clash unlikely.
 */
export class ServiceAllocator implements WriteHook {
  constructor(readonly ranges: AllocationRanges) {}

  async prepare(db: Db, write: PlannedWrite): Promise<PreparedWrite> {
    const { plan } = write;
    if (plan.type !== 'create' && plan.type !== 'update') return { write, explain: () => undefined };
    const object = plan.object;
    const spec = (object.spec ?? {}) as ServiceSpecShape;
    const previous = write.previous?.spec as ServiceSpecShape | undefined;
    const needs = decideServiceAllocation(spec, plan.type === 'update' ? previous : undefined, this.ranges);
    if (needs.errors.length > 0) throw invalid(object.kind ?? 'Service', object.metadata.name, needs.errors);
    const [ips, nodePorts] = await Promise.all([
      pickFree(db, this.ranges.ips, needs.pickIp ? 1 : 0, takenIps),
      pickFree(db, this.ranges.nodePorts, nodePortsToPick(spec, needs), takenPorts),
    ]);
    const ip = ips.length ? numberToIp(ips[0]!) : undefined;
    const allocated: KubeObject = { ...object, spec: applyAllocation(spec, needs, { ip, nodePorts }) };
    const picked = new Set<string>([...(ip ? [`ip ${ip}`] : []), ...nodePorts.map((p) => `port ${p}`)]);
    return {
      write: { ...write, plan: { ...plan, object: allocated } },
      explain: (error) => {
        if (!(error instanceof AllocationTakenError)) return undefined;
        const key = `${error.valueKind} ${error.value}`;
        if (picked.has(key)) return 'retry';
        const requested = needs.requested.find((r) => r.kind === error.valueKind && sameValue(r.kind, r.value, error.value));
        if (!requested) return undefined;
        const detail = requested.kind === 'ip' ? `failed to allocate IP ${requested.value}: provided IP is already allocated` : 'provided port is already allocated';
        return invalid(object.kind ?? 'Service', object.metadata.name, [{ field: requested.field, message: `Invalid value: ${JSON.stringify(requested.shown)}: ${detail}` }]);
      },
    };
  }
}

/** PostgreSQL prints inet without a prefix for host addresses; compare numbers for ports. */
function sameValue(kind: 'ip' | 'port', a: string, b: string): boolean {
  return kind === 'ip' ? a === b.replace(/\/32$/, '') : Number(a) === Number(b);
}

type TakenQuery = (db: Db, candidates: number[]) => Promise<Set<number>>;

const takenIps: TakenQuery = async (db, candidates) => {
  const rows = await db.$queryRawUnsafe<{ ip: string }[]>(`SELECT host("ip") AS "ip" FROM "service_ip_allocations" WHERE "ip" = ANY($1::inet[])`, candidates.map(numberToIp));
  return new Set(rows.map((r) => ipNumber(r.ip)));
};

const takenPorts: TakenQuery = async (db, candidates) => {
  const rows = await db.$queryRawUnsafe<{ port: number }[]>(`SELECT "port" FROM "service_node_port_allocations" WHERE "port" = ANY($1::int[])`, candidates);
  return new Set(rows.map((r) => Number(r.port)));
};

function ipNumber(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

/** `count` free values: random candidates, minus those the table holds, until enough (or the range is full). */
async function pickFree(db: Db, range: ValueRange, count: number, taken: TakenQuery): Promise<number[]> {
  const chosen: number[] = [];
  const seen = new Set<number>();
  while (chosen.length < count) {
    const candidates = randomCandidates(range, CANDIDATES_PER_QUERY, seen);
    if (candidates.length === 0) {
      const what = range === undefined ? '' : range.text.includes('/') ? 'a serviceIP' : 'a nodePort';
      throw new ApiError('INTERNAL_SERVER_ERROR', `failed to allocate ${what}: range is full`);
    }
    const used = await taken(db, candidates);
    for (const value of candidates) {
      seen.add(value);
      if (!used.has(value) && chosen.length < count) chosen.push(value);
    }
  }
  return chosen;
}
