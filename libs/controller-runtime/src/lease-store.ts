import { createClientset, type WheelhouseClient } from '@wheelhouse/client';
import { LEASE_FIELDS, type Lease, type LeaseSpec } from './lease.js';

/** The three calls leader election makes; an interface so tests can stand in for the API. */
export interface LeaseStore {
  /** null when there is no such Lease. */
  get(signal?: AbortSignal): Promise<Lease | null>;
  /** Fails with ALREADY_EXISTS when another candidate created it first. */
  create(spec: LeaseSpec, signal?: AbortSignal): Promise<Lease>;
  /** Merge-patches the spec (null clears a field); fails with CONFLICT unless still at `resourceVersion`. */
  update(resourceVersion: string, spec: LeaseSpec, signal?: AbortSignal): Promise<Lease>;
}

/** One Lease through the API (the clientset's leases, with only the fields leader election reads). */
export class ApiLeaseStore implements LeaseStore {
  private readonly leases;

  constructor(
    client: WheelhouseClient,
    private readonly namespace: string,
    private readonly name: string,
  ) {
    this.leases = createClientset(client).leases;
  }

  get(signal?: AbortSignal): Promise<Lease | null> {
    return this.leases.get({ namespace: this.namespace, name: this.name }, { select: LEASE_FIELDS, signal });
  }

  create(spec: LeaseSpec, signal?: AbortSignal): Promise<Lease> {
    // Safe to resend: a repeat of a create that landed fails with ALREADY_EXISTS.
    return this.leases.create({ metadata: { name: this.name, namespace: this.namespace }, spec: definedOnly(spec) }, { select: LEASE_FIELDS, signal, idempotent: true });
  }

  update(resourceVersion: string, spec: LeaseSpec, signal?: AbortSignal): Promise<Lease> {
    // A patch, not a replace: labels and annotations others put on the Lease survive.
    // Safe to resend: a repeat of a write that landed fails with CONFLICT.
    return this.leases.patch({ namespace: this.namespace, name: this.name }, { metadata: { resourceVersion }, spec }, { select: LEASE_FIELDS, signal, idempotent: true });
  }
}

/** The spec with its null fields left out: a create has nothing to clear (the model types absent fields as undefined). */
function definedOnly(spec: LeaseSpec) {
  return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== null && v !== undefined));
}
