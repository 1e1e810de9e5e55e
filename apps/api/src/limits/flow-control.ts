import type { Principal } from '../auth/tokens.js';
import type { ApiLimits } from './limits.js';
import { Seats } from './seats.js';

/** Root fields of leader election and node heartbeats: their own budget, never behind user load. */
const LEASE_FIELDS = new Set(['lease', 'leases', 'createLease', 'replaceLease', 'patchLease', 'patchLeases', 'deleteLease']);

export type PriorityLevel = 'system' | 'workload';

/**
 * Which budget a request draws from (APF's FlowSchema): leader election (lease
 * operations of anyone) and node agents are `system`, one shared level sized for a
 * whole cluster's heartbeats; everyone else is `workload`, with seats per token, so
 * one client flooding the API queues behind itself, not in front of others.
 */
export function classify(principal: Principal, rootFields: readonly string[]): { level: PriorityLevel; flow: string } {
  if (isLeaseOperation(rootFields)) return { level: 'system', flow: 'leader-election' };
  if (principal.role === 'node') return { level: 'system', flow: 'system-nodes' };
  return { level: 'workload', flow: principal.name };
}

export function isLeaseOperation(rootFields: readonly string[]): boolean {
  return rootFields.length > 0 && rootFields.every((f) => LEASE_FIELDS.has(f) || f === '__typename');
}

/** The seats of every flow of this API process. */
export class FlowControl {
  private readonly system: Seats;
  private readonly perToken = new Map<string, Seats>();

  constructor(private readonly limits: ApiLimits) {
    this.system = new Seats({ concurrency: limits.systemConcurrency, queue: limits.systemQueue, queueWaitMs: limits.queueWaitMs });
  }

  seatsFor(level: PriorityLevel, flow: string): Seats {
    if (level === 'system') return this.system;
    let seats = this.perToken.get(flow);
    if (!seats) {
      seats = new Seats({ concurrency: this.limits.perTokenConcurrency, queue: this.limits.perTokenQueue, queueWaitMs: this.limits.queueWaitMs });
      this.perToken.set(flow, seats);
    }
    return seats;
  }
}
