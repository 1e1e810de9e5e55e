import { gql, type WheelhouseClient } from '@wheelhouse/client';
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

const GET = gql`query Lease($namespace: String, $name: String!) {
  lease(namespace: $namespace, name: $name) { ${LEASE_FIELDS} }
}`;
const CREATE = gql`mutation CreateLease($namespace: String, $input: LeaseInput!) {
  createLease(namespace: $namespace, input: $input) { ${LEASE_FIELDS} }
}`;
const PATCH = gql`mutation PatchLease($namespace: String, $name: String!, $patch: JSONObject!) {
  patchLease(namespace: $namespace, name: $name, patch: $patch) { ${LEASE_FIELDS} }
}`;

/** One Lease through the GraphQL API. */
export class ApiLeaseStore implements LeaseStore {
  constructor(
    private readonly client: WheelhouseClient,
    private readonly namespace: string,
    private readonly name: string,
  ) {}

  async get(signal?: AbortSignal): Promise<Lease | null> {
    const data = await this.client.request<{ lease: Lease | null }>(GET, { namespace: this.namespace, name: this.name }, { signal });
    return data.lease;
  }

  async create(spec: LeaseSpec, signal?: AbortSignal): Promise<Lease> {
    const input = { metadata: { name: this.name }, spec };
    // Safe to resend: a repeat of a create that landed fails with ALREADY_EXISTS.
    const data = await this.client.request<{ createLease: Lease }>(CREATE, { namespace: this.namespace, input }, { signal, idempotent: true });
    return data.createLease;
  }

  async update(resourceVersion: string, spec: LeaseSpec, signal?: AbortSignal): Promise<Lease> {
    // A patch, not a replace: labels and annotations others put on the Lease survive.
    const patch = { metadata: { resourceVersion }, spec };
    // Safe to resend: a repeat of a write that landed fails with CONFLICT.
    const data = await this.client.request<{ patchLease: Lease }>(PATCH, { namespace: this.namespace, name: this.name, patch }, { signal, idempotent: true });
    return data.patchLease;
  }
}
