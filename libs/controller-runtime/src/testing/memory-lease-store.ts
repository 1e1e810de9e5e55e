import { WheelhouseError } from '@wheelhouse/client';
import type { Lease, LeaseSpec } from '../lease.js';
import type { LeaseStore } from '../lease-store.js';

/**
 * One Lease in memory with the API's preconditions; `down` makes every call
 * fail as UNAVAILABLE, `loseNextUpdateResponse` applies the next update but
 * fails the call (a response lost to an aborted request).
 */
export class MemoryLeaseStore implements LeaseStore {
  lease: Lease | null = null;
  down = false;
  loseNextUpdateResponse = false;
  private revision = 0;

  async get(): Promise<Lease | null> {
    this.check();
    return this.lease && structuredClone(this.lease);
  }

  async create(spec: LeaseSpec): Promise<Lease> {
    this.check();
    if (this.lease) throw new WheelhouseError('ALREADY_EXISTS', 'lease exists');
    this.lease = { metadata: { name: 'l', namespace: 'ns', resourceVersion: String(++this.revision) }, spec: { ...spec } };
    return structuredClone(this.lease);
  }

  async update(resourceVersion: string, spec: LeaseSpec): Promise<Lease> {
    this.check();
    if (!this.lease) throw new WheelhouseError('NOT_FOUND', 'no lease');
    if (this.lease.metadata.resourceVersion !== resourceVersion) throw new WheelhouseError('CONFLICT', 'stale');
    // A JSON merge patch: null removes the field.
    const merged: Record<string, unknown> = { ...this.lease.spec };
    for (const [k, v] of Object.entries(spec))
      if (v === null) delete merged[k];
      else merged[k] = v;
    this.lease = { metadata: { ...this.lease.metadata, resourceVersion: String(++this.revision) }, spec: merged as LeaseSpec };
    if (this.loseNextUpdateResponse) {
      this.loseNextUpdateResponse = false;
      throw new WheelhouseError('UNAVAILABLE', 'response lost');
    }
    return structuredClone(this.lease);
  }

  private check(): void {
    if (this.down) throw new WheelhouseError('UNAVAILABLE', 'store down');
  }
}
